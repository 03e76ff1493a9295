// Puts this organisation's claim transitions on the chain. Each ledger-writer instance
// acts for one organisation (its Fabric identity): the ProviderOrg one submits and
// cancels claims, the PayerOrg one adjudicates and pays them, and each skips what the
// other makes. A consumed batch of claim events becomes one ApplyTransitions
// transaction (several, past the contract's bound), not one per transition; once it is
// committed, every transition's verdict is published on ledger.claim.v1 for the claims
// service, and only then does the consumer commit its offsets. A retry after a crash
// resubmits the same transitions, which the contract recognises and answers again.
import {
  CLAIM_ADJUDICATED_V1,
  CLAIM_CANCELLED_V1,
  CLAIM_COMMITTED_V1,
  CLAIM_PAID_V1,
  CLAIM_VERDICT_V1,
  createEvent,
  Topics,
  type AnyEvent,
  type ClaimCommittedV1,
} from '@carechain/contracts';
import {
  type AppliedTransitions,
  type ClaimChain,
  type ClaimTransition,
  type ClaimTransitionKind,
  MAX_REASON_CODES,
  MAX_TRANSITIONS_PER_BATCH,
  refusalIn,
  CLAIM_INVALID_ARGUMENT,
  TRANSITION_MSP,
} from '@carechain/ledger-chaincode-api';
import { TransientError, type BatchHandler, type EventPublisher, type RecordBatch } from '@carechain/messaging';
import type { Logger } from '@carechain/telemetry';
import type { DocumentationIndex } from './documentation-index';
import { LEDGER_SOURCE } from './receipts';

export interface ClaimTransitionsOptions {
  /**
   * How long a submission waits for its documenting record events to be indexed: the
   * anchoring processor of the same instance writes the index just after their batch
   * commits. Documentation anchored after the claim is refused by the contract anyway.
   */
  readonly documentationWaitMs: number;
}

interface Pending {
  readonly patientId: string;
  readonly transition: ClaimTransition;
}

const POLL_MS = 100;

export class ClaimTransitionsHandler implements BatchHandler {
  constructor(
    private readonly chain: ClaimChain,
    private readonly documentation: DocumentationIndex,
    private readonly publisher: EventPublisher,
    private readonly logger: Logger,
    private readonly options: ClaimTransitionsOptions,
  ) {}

  async handle(batch: RecordBatch): Promise<void> {
    const pending: Pending[] = [];
    const deadline = Date.now() + this.options.documentationWaitMs;
    for (const { event } of batch.records) {
      const transition = await this.transitionOf(event, deadline);
      if (transition !== undefined) pending.push({ patientId: event.subject ?? transition.claimId, transition });
    }
    for (let i = 0; i < pending.length; i += MAX_TRANSITIONS_PER_BATCH) await this.apply(pending.slice(i, i + MAX_TRANSITIONS_PER_BATCH));
  }

  private mine(kind: ClaimTransitionKind): boolean {
    return TRANSITION_MSP[kind] === this.chain.mspId;
  }

  private async transitionOf(event: AnyEvent, deadline: number): Promise<ClaimTransition | undefined> {
    const base = { transitionId: event.id, at: new Date(event.time).toISOString() };
    switch (event.type) {
      case CLAIM_COMMITTED_V1:
        return this.mine('submit') ? this.submission(event.data, base.transitionId, deadline) : undefined;
      case CLAIM_CANCELLED_V1:
        return this.mine('cancel') ? { kind: 'cancel', ...base, claimId: event.data.claimId } : undefined;
      case CLAIM_ADJUDICATED_V1: {
        // A denial because the chain refused the claim is the chain's own decision: nothing to submit.
        if (!this.mine('adjudicate') || event.data.decidedBy.kind === 'chain') return undefined;
        const codes = [...new Set(event.data.items.flatMap((item) => item.reasons.map((r) => `${r.system}:${r.code}`)))].sort();
        return { kind: 'adjudicate', ...base, claimId: event.data.claimId, outcome: event.data.outcome, reasonCodes: codes.slice(0, MAX_REASON_CODES) };
      }
      case CLAIM_PAID_V1:
        return this.mine('pay') ? { kind: 'pay', ...base, claimId: event.data.claimId } : undefined;
      default:
        return undefined;
    }
  }

  private async submission(c: ClaimCommittedV1, transitionId: string, deadline: number): Promise<ClaimTransition> {
    const eventIds = [...new Set(c.items.flatMap((i) => (i.documentingEventId === null ? [] : [i.documentingEventId])))];
    let proofs = await this.documentation.getAll(eventIds);
    while (proofs.size < eventIds.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      proofs = await this.documentation.getAll(eventIds);
    }
    if (proofs.size < eventIds.length)
      this.logger.info({ claimId: c.claimId }, 'a documenting record event has no receipt: the contract will refuse the claim');
    return {
      kind: 'submit',
      transitionId,
      claimId: c.claimId,
      at: new Date(c.submittedAt).toISOString(),
      providerOrg: c.provider,
      payerOrg: c.insurer,
      contentCommitment: c.contentCommitment,
      total: c.total,
      items: c.items.map((i) => ({
        serviceCommitment: i.serviceCommitment,
        documentation: (i.documentingEventId !== null && proofs.get(i.documentingEventId)) || null,
      })),
    };
  }

  private async apply(pending: readonly Pending[]): Promise<void> {
    let applied: AppliedTransitions;
    try {
      applied = await this.chain.applyTransitions(pending.map((p) => p.transition));
    } catch (err) {
      // A batch the contract cannot parse is a bug here, not an outage: let it be dead-lettered.
      if (refusalIn((err as Error).message ?? '', [CLAIM_INVALID_ARGUMENT])) throw err;
      // A peer away (the other organisation's too: the policy needs both) is waited out; nothing is lost.
      throw err instanceof TransientError ? err : new TransientError(`claim transitions not committed: ${(err as Error).message}`, err);
    }
    const patients = new Map(pending.map((p) => [p.transition.transitionId, p.patientId]));
    const verdicts = applied.outcomes.map((o) =>
      createEvent({
        type: CLAIM_VERDICT_V1,
        source: LEDGER_SOURCE,
        subject: patients.get(o.transitionId)!,
        data: {
          claimId: o.claimId,
          transitionId: o.transitionId,
          kind: o.kind,
          accepted: o.accepted,
          refusal: o.refusal,
          detail: o.detail,
          chainStatus: o.status,
          mspId: applied.mspId,
          txId: applied.txId,
        },
      }),
    );
    await this.publisher.publishAll(Topics.ledgerClaim, verdicts, (v) => v.subject ?? v.id);
    const refused = applied.outcomes.filter((o) => !o.accepted).length;
    this.logger.info({ txId: applied.txId, blockNumber: applied.blockNumber, transitions: pending.length, refused }, 'claim transitions committed');
  }
}
