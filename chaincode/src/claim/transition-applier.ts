// Applies one ApplyTransitions' transitions in order, each on its own: checked for the
// submitting organisation, the claim's state, and at submission the billing checks
// (documentation anchored in time, no service billed twice). Each ends accepted or
// refused with its code; only accepted ones and refused submissions are written.
import {
  type ClaimRecord,
  ClaimRefusalCode,
  type ClaimTransition,
  type ClaimTransitionOutcome,
  type SubmitTransition,
  TRANSITION_MSP,
} from '@carechain/ledger-chaincode-api';
import type { ClaimLedger } from './claim-ledger.port';
import { ClaimRepository } from './claim.repository';
import { applyChange, describe } from './claim-state';
import { DocumentationCheck } from './documentation.check';

export class TransitionApplier {
  private readonly claims: ClaimRepository;
  private readonly documentation: DocumentationCheck;

  constructor(
    private readonly ledger: ClaimLedger,
    private readonly mspId: string,
  ) {
    this.claims = new ClaimRepository(ledger);
    this.documentation = new DocumentationCheck(ledger);
  }

  async apply(t: ClaimTransition): Promise<ClaimTransitionOutcome> {
    const claim = await this.claims.find(t.claimId);
    if (claim?.history.some((h) => h.transitionId === t.transitionId)) {
      // A writer's retry after a crash or a lost answer: say again what the chain decided.
      return { ...outcome(t, claim.status, claim.status === 'refused' ? claim.refusal : null, null), replayed: true };
    }
    const required = TRANSITION_MSP[t.kind];
    if (required !== this.mspId) {
      return outcome(t, claim?.status ?? null, ClaimRefusalCode.WrongOrganisation, `${t.kind} is made by ${required}, not ${this.mspId}`);
    }
    if (t.kind === 'submit') return this.submit(t, claim);
    if (claim === undefined) return outcome(t, null, ClaimRefusalCode.ClaimNotFound, `no claim ${t.claimId}`);
    const changed = applyChange(claim, t, this.ledger.getTxID(), this.mspId);
    if (changed === undefined) return outcome(t, claim.status, ClaimRefusalCode.IllegalTransition, `claim ${t.claimId} is ${describe(claim)}: no ${t.kind}`);
    await this.claims.save(changed);
    return outcome(t, changed.status, null, null);
  }

  private async submit(t: SubmitTransition, existing: ClaimRecord | undefined): Promise<ClaimTransitionOutcome> {
    if (existing !== undefined) return outcome(t, existing.status, ClaimRefusalCode.ClaimExists, `claim ${t.claimId} is already on the chain`);
    const undocumented = await this.documentation.failure(t.items, t.at);
    const duplicate = undocumented === undefined ? await this.duplicate(t) : undefined;
    const refusal = undocumented !== undefined ? ClaimRefusalCode.UndocumentedService : duplicate !== undefined ? ClaimRefusalCode.DuplicateService : null;
    const status = refusal === null ? 'submitted' : 'refused';
    await this.claims.save({
      claimId: t.claimId,
      providerOrg: t.providerOrg,
      payerOrg: t.payerOrg,
      contentCommitment: t.contentCommitment,
      items: t.items.map((i) => ({
        serviceCommitment: i.serviceCommitment,
        eventCommitment: i.documentation?.eventCommitment ?? null,
        batchId: i.documentation?.batchId ?? null,
      })),
      total: t.total,
      status,
      refusal,
      outcome: null,
      reasonCodes: [],
      submittedAt: t.at,
      history: [{ transitionId: t.transitionId, kind: 'submit', status, at: t.at, txId: this.ledger.getTxID(), mspId: this.mspId }],
    });
    if (refusal === null) for (const item of t.items) await this.claims.holdService(item.serviceCommitment, t.claimId);
    return outcome(t, status, refusal, undocumented ?? duplicate ?? null);
  }

  /** Why the claim bills a service twice (within itself, or billed by another live claim to any payer), or undefined. */
  private async duplicate(t: SubmitTransition): Promise<string | undefined> {
    const seen = new Set<string>();
    for (const [i, item] of t.items.entries()) {
      if (seen.has(item.serviceCommitment)) return `item ${i} bills a service an earlier item of the claim bills`;
      seen.add(item.serviceCommitment);
      const holder = await this.claims.serviceHolder(item.serviceCommitment);
      // A withdrawn claim frees its services for a corrected one.
      if (holder !== undefined && (await this.claims.find(holder))?.status !== 'cancelled') return `item ${i} bills a service claim ${holder} already bills`;
    }
    return undefined;
  }
}

function outcome(
  t: ClaimTransition,
  status: ClaimTransitionOutcome['status'],
  refusal: ClaimRefusalCode | null,
  detail: string | null,
): ClaimTransitionOutcome {
  return { transitionId: t.transitionId, claimId: t.claimId, kind: t.kind, accepted: refusal === null, refusal, detail, status, replayed: false };
}
