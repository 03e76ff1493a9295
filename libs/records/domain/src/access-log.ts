// The accounting of disclosures: every read, permitted or denied, becomes
// AccessDecided events on records.access.v1, published (acks=all) before the
// caller sees an answer, so no read goes unrecorded. A decision is one event per
// outcome: a search partly permitted is one permit (what was disclosed) and one
// deny (the categories withheld and why).
import { randomUUID } from 'node:crypto';
import { ACCESS_DECIDED_V1, createEvent, Topics, type AccessDecidedV1, type PurposeOfUse, type RecordCategory } from '@carechain/contracts';
import { BREAK_GLASS_REASON_MAX, BREAK_GLASS_REASON_MIN, DenyReason, type Decision } from '@carechain/consent-decision';
import type { EventPublisher } from '@carechain/messaging';
import type { ReadRequest } from './requester';
import { RECORDS_SOURCE } from './records-topology';

export interface AccessOutcome {
  readonly categories: readonly RecordCategory[];
  readonly decision: 'permit' | 'deny';
  readonly basis?: AccessDecidedV1['basis'];
  readonly grantId?: string;
  readonly claimId?: string;
  readonly denyReason?: DenyReason;
  readonly breakGlass: boolean;
  /** What was disclosed: empty on a deny. */
  readonly recordIds: readonly string[];
}

/** A decision as access outcomes; `recordIds` are what the permitted part disclosed. */
export function outcomesOf(decision: Decision<RecordCategory>, recordIds: readonly string[]): AccessOutcome[] {
  if (decision.effect === 'permit') {
    return [
      {
        categories: decision.permitted,
        decision: 'permit',
        basis: decision.basis,
        grantId: decision.grantId,
        claimId: decision.claimId,
        breakGlass: decision.breakGlass,
        recordIds,
      },
    ];
  }
  const denied: AccessOutcome = { categories: decision.denied, decision: 'deny', denyReason: decision.reason, breakGlass: false, recordIds: [] };
  if (decision.permitted.length === 0) return [denied];
  // Only grants permit part of a request: the custodian and break-glass permit all of it.
  return [{ categories: decision.permitted, decision: 'permit', basis: 'grant', grantId: decision.grantIds[0], breakGlass: false, recordIds }, denied];
}

/** The outcome of a read of an erased patient: nothing to disclose, and said so. */
export function erasedOutcome(categories: readonly RecordCategory[]): AccessOutcome {
  return { categories, decision: 'deny', denyReason: DenyReason.PatientErased, breakGlass: false, recordIds: [] };
}

export class AccessLog {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Publishes one AccessDecided per outcome and resolves once Kafka has them all. */
  async record(patientId: string, operation: AccessDecidedV1['operation'], read: ReadRequest, outcomes: readonly AccessOutcome[]): Promise<string[]> {
    const reason = auditableReason(read.breakGlassReason);
    const events = outcomes.map((o) =>
      createEvent({
        type: ACCESS_DECIDED_V1,
        source: RECORDS_SOURCE,
        subject: patientId,
        actor: read.requester.subject,
        actororg: read.requester.organisation,
        data: {
          accessId: this.newId(),
          patientId,
          operation,
          actor: { subject: read.requester.subject, organisation: read.requester.organisation },
          categories: [...o.categories],
          purpose: read.purpose satisfies PurposeOfUse,
          decision: o.decision,
          ...(o.basis !== undefined && { basis: o.basis }),
          ...(o.grantId !== undefined && { grantId: o.grantId }),
          ...(o.claimId !== undefined && { claimId: o.claimId }),
          ...(o.denyReason !== undefined && { denyReason: o.denyReason }),
          breakGlass: o.breakGlass,
          ...(reason !== undefined && { breakGlassReason: reason }),
          recordIds: [...o.recordIds],
        } satisfies AccessDecidedV1,
      }),
    );
    await this.publisher.publishAll(Topics.recordsAccess, events, () => patientId);
    return events.map((e) => e.id);
  }
}

// A break-glass attempt is audited with its reason, refused or not; one the contract
// cannot carry (too short to be a reason, or too long) is left out, the attempt still recorded.
function auditableReason(reason: string | undefined): string | undefined {
  const trimmed = reason?.trim();
  if (trimmed === undefined || trimmed.length < BREAK_GLASS_REASON_MIN || trimmed.length > BREAK_GLASS_REASON_MAX) return undefined;
  return trimmed;
}
