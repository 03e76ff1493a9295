// The client's port to the claim contract: apply a batch of one organisation's claim
// transitions in one transaction and wait for its commit, or read a claim back. The
// Fabric gateway adapter (@carechain/ledger-fabric) is the real implementation.
import type { ClaimRecord, ClaimTransition, ClaimTransitionOutcome } from './claim-record';

export interface AppliedTransitions {
  readonly outcomes: readonly ClaimTransitionOutcome[];
  readonly txId: string;
  readonly blockNumber: string;
  /** The MSP id of the identity that submitted them. */
  readonly mspId: string;
}

export interface ClaimChain {
  /** The MSP id this client submits as: which transitions it may make. */
  readonly mspId: string;
  applyTransitions(transitions: readonly ClaimTransition[]): Promise<AppliedTransitions>;
  getClaim(claimId: string): Promise<ClaimRecord | undefined>;
}
