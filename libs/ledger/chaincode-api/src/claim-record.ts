// What the claim contract takes and keeps. Per claim only an opaque id, the two
// organisations, salted commitments (of the content, and of each billed service
// under the patient's salt), amounts, status, reason codes and times: no patient id,
// no code or date of a service in clear, nothing linkable without the patient's salt
// (chaincode/README.md, "Claims").
import type { ClaimRefusalCode } from './claim-refusal-code';
import type { ClaimTransitionKind } from './claim.names';

/** A decimal amount as a string (at most two decimals) and its ISO 4217 currency: no float on the chain. */
export interface ClaimMoney {
  readonly value: string;
  readonly currency: string;
}

/** Where the record event documenting an item was anchored: its leaf and RFC 9162 inclusion proof (a ledger receipt's fields). */
export interface DocumentationProof {
  /** The record event's commitment: the Merkle leaf. */
  readonly eventCommitment: string;
  readonly batchId: string;
  readonly leafIndex: number;
  readonly proof: readonly string[];
}

export interface ClaimItemSubmission {
  /** HMAC under the patient's salt of (patient, service code, service date, provider): the duplicate-billing key. */
  readonly serviceCommitment: string;
  /** Null when the claims service found no anchored record event documenting the item: the contract refuses the claim. */
  readonly documentation: DocumentationProof | null;
}

interface TransitionBase {
  /** The claims event that made the transition: a retry is recognised by it. */
  readonly transitionId: string;
  readonly claimId: string;
  /** When the claims service made it (ISO-8601 UTC with milliseconds). */
  readonly at: string;
}

export interface SubmitTransition extends TransitionBase {
  readonly kind: 'submit';
  readonly providerOrg: string;
  readonly payerOrg: string;
  /** HMAC under the patient's salt of the claim as submitted. */
  readonly contentCommitment: string;
  readonly total: ClaimMoney;
  readonly items: readonly ClaimItemSubmission[];
}

export interface CancelTransition extends TransitionBase {
  readonly kind: 'cancel';
}

export const ADJUDICATION_OUTCOMES = ['approved', 'partially-approved', 'denied', 'pended'] as const;
export type ChainAdjudicationOutcome = (typeof ADJUDICATION_OUTCOMES)[number];

export interface AdjudicateTransition extends TransitionBase {
  readonly kind: 'adjudicate';
  readonly outcome: ChainAdjudicationOutcome;
  /** X12 codes as `carc:<code>` / `rarc:<code>`. */
  readonly reasonCodes: readonly string[];
}

/** The amounts approved and paid stay sealed in the claims service's events: the chain keeps what was billed. */
export interface PayTransition extends TransitionBase {
  readonly kind: 'pay';
}

export type ClaimTransition = SubmitTransition | CancelTransition | AdjudicateTransition | PayTransition;

/** The one argument of ApplyTransitions, as JSON. */
export interface ClaimTransitionBatch {
  readonly transitions: readonly ClaimTransition[];
}

export type ClaimChainStatus = 'submitted' | 'refused' | 'cancelled' | 'adjudicated' | 'paid';

export interface ClaimHistoryEntry {
  readonly transitionId: string;
  readonly kind: ClaimTransitionKind;
  /** The claim's status after the transition. */
  readonly status: ClaimChainStatus;
  readonly at: string;
  readonly txId: string;
  readonly mspId: string;
}

export interface ClaimItemRecord {
  readonly serviceCommitment: string;
  readonly eventCommitment: string | null;
  readonly batchId: string | null;
}

export interface ClaimRecord {
  readonly claimId: string;
  readonly providerOrg: string;
  readonly payerOrg: string;
  readonly contentCommitment: string;
  readonly items: readonly ClaimItemRecord[];
  readonly total: ClaimMoney;
  readonly status: ClaimChainStatus;
  /** Why the submission was refused (status `refused`). */
  readonly refusal: ClaimRefusalCode | null;
  readonly outcome: ChainAdjudicationOutcome | null;
  readonly reasonCodes: readonly string[];
  readonly submittedAt: string;
  readonly history: readonly ClaimHistoryEntry[];
}

/** The outcome of one transition: accepted with the claim's new status, or refused and why. */
export interface ClaimTransitionOutcome {
  readonly transitionId: string;
  readonly claimId: string;
  readonly kind: ClaimTransitionKind;
  readonly accepted: boolean;
  readonly refusal: ClaimRefusalCode | null;
  readonly detail: string | null;
  /** The claim's status on the chain after this transition (null: no such claim). */
  readonly status: ClaimChainStatus | null;
  /** True when the chain already held this very transition (a writer's retry). */
  readonly replayed: boolean;
}

/** The record's JSON with a fixed key order: endorsing peers must write identical bytes. */
export function serializeClaimRecord(record: ClaimRecord): string {
  const r = record;
  return JSON.stringify({
    claimId: r.claimId,
    providerOrg: r.providerOrg,
    payerOrg: r.payerOrg,
    contentCommitment: r.contentCommitment,
    items: r.items.map((i) => ({ serviceCommitment: i.serviceCommitment, eventCommitment: i.eventCommitment, batchId: i.batchId })),
    total: { value: r.total.value, currency: r.total.currency },
    status: r.status,
    refusal: r.refusal,
    outcome: r.outcome,
    reasonCodes: [...r.reasonCodes],
    submittedAt: r.submittedAt,
    history: r.history.map((h) => ({ transitionId: h.transitionId, kind: h.kind, status: h.status, at: h.at, txId: h.txId, mspId: h.mspId })),
  });
}

/** The outcomes' JSON with a fixed key order (the function's result and the event's payload). */
export function serializeClaimOutcomes(outcomes: readonly ClaimTransitionOutcome[]): string {
  return JSON.stringify(
    outcomes.map((o) => ({
      transitionId: o.transitionId,
      claimId: o.claimId,
      kind: o.kind,
      accepted: o.accepted,
      refusal: o.refusal,
      detail: o.detail,
      status: o.status,
      replayed: o.replayed,
    })),
  );
}
