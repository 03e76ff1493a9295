// The claim lifecycle: submitted → verified → (approved | partially-approved |
// denied | pended) → paid, with cancelled and appealed → re-adjudicated. One table
// says which move is allowed; every use case asks it before publishing.
import type { AdjudicationOutcome } from '@carechain/contracts';
import { ClaimsError, ClaimsErrorCode } from './claims.error';

export const CLAIM_STATUSES = [
  'submitted',
  'verified',
  'approved',
  'partially-approved',
  'denied',
  'pended',
  'paid',
  'cancelled',
  'appealed',
  're-adjudicated',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === 'string' && (CLAIM_STATUSES as readonly string[]).includes(value);
}

const OUTCOMES: readonly ClaimStatus[] = ['approved', 'partially-approved', 'denied', 'pended'];

export const TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  // Verified by this service, or by the ledger's ClaimContract when the chain's verdict is
  // awaited; denied straight away only when the contract refuses the claim.
  submitted: ['verified', 'denied', 'cancelled'],
  verified: [...OUTCOMES, 'cancelled'],
  // A payer's person decides what the rules pended; the provider may still withdraw it.
  pended: ['approved', 'partially-approved', 'denied', 'cancelled'],
  approved: ['paid'],
  'partially-approved': ['paid', 'appealed'],
  denied: ['appealed'],
  appealed: ['re-adjudicated'],
  // A re-adjudication that pays something is paid; one that still denies ends there.
  're-adjudicated': ['paid'],
  paid: [],
  cancelled: [],
};

/** Throws InvalidTransition (naming the current state) unless `from → to` is in the table. */
export function assertTransition(claimId: string, from: ClaimStatus, to: ClaimStatus): void {
  if (!TRANSITIONS[from].includes(to)) {
    throw new ClaimsError(ClaimsErrorCode.InvalidTransition, `claim ${claimId} is ${from}; it cannot become ${to}`, { currentStatus: from });
  }
}

/** The state an adjudication leaves a claim in: its outcome, or re-adjudicated after an appeal. */
export function statusAfterAdjudication(outcome: AdjudicationOutcome, reAdjudication: boolean): ClaimStatus {
  return reAdjudication ? 're-adjudicated' : outcome;
}
