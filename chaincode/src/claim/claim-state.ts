// The claim's state machine on the chain. A submission the contract accepts is
// `submitted` (one it refuses stays on the chain as `refused`, final); the payer
// adjudicates it (again while the outcome is `pended`) and pays what it approved;
// the provider may withdraw it until it is decided. Appeals stay off the chain.
import type { ClaimChainStatus, ClaimRecord, ClaimTransition } from '@carechain/ledger-chaincode-api';

type Change = Exclude<ClaimTransition, { kind: 'submit' }>;

const PAYABLE = new Set(['approved', 'partially-approved']);

function undecided(claim: ClaimRecord): boolean {
  return claim.status === 'submitted' || (claim.status === 'adjudicated' && claim.outcome === 'pended');
}

/** The claim after the change, or undefined when its state does not allow it. */
export function applyChange(claim: ClaimRecord, change: Change, txId: string, mspId: string): ClaimRecord | undefined {
  const next = (status: ClaimChainStatus, fields: Partial<ClaimRecord>): ClaimRecord => ({
    ...claim,
    ...fields,
    status,
    history: [...claim.history, { transitionId: change.transitionId, kind: change.kind, status, at: change.at, txId, mspId }],
  });
  switch (change.kind) {
    case 'cancel':
      return undecided(claim) ? next('cancelled', {}) : undefined;
    case 'adjudicate':
      return undecided(claim) ? next('adjudicated', { outcome: change.outcome, reasonCodes: [...change.reasonCodes] }) : undefined;
    case 'pay':
      return claim.status === 'adjudicated' && claim.outcome !== null && PAYABLE.has(claim.outcome) ? next('paid', {}) : undefined;
  }
}

/** How the claim stands, for a refusal's detail. */
export function describe(claim: ClaimRecord): string {
  return claim.status === 'adjudicated' ? `adjudicated (${claim.outcome})` : claim.status;
}
