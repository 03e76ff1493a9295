// Verifies a claim against the ClaimContract the way a party to it would: read the
// claim from a peer of one's own choosing and compare what the chain holds with the
// commitments of the claim one has (the ClaimCommitted the claims service published, or
// one's own copy): the parties, the content commitment, each item's service commitment
// in order, and the total. The chain's history (who moved the claim when, in which
// transaction) comes back with a verified claim.
import type { ClaimRecord } from '@carechain/ledger-chaincode-api';

/** What the caller holds of the claim: ClaimCommitted's fields. */
export interface HeldClaim {
  readonly claimId: string;
  readonly provider: string;
  readonly insurer: string;
  readonly contentCommitment: string;
  readonly total: { readonly value: string; readonly currency: string };
  readonly items: readonly { readonly serviceCommitment: string }[];
}

/** A peer to read claims from: the Fabric adapter, or a fake in a spec. */
export interface ClaimReader {
  getClaim(claimId: string): Promise<ClaimRecord | undefined>;
}

export enum ClaimVerificationFailure {
  /** The chain holds no claim with that id (never submitted, or not yet). */
  ClaimUnknown = 'claim-unknown',
  /** The chain names other organisations than the claim held. */
  PartiesMismatch = 'parties-mismatch',
  /** The claim held is not the one committed on the chain: its content commitment differs. */
  ContentMismatch = 'content-mismatch',
  /** The items' service commitments differ (count, order or value). */
  ItemsMismatch = 'items-mismatch',
  /** The billed total differs. */
  TotalMismatch = 'total-mismatch',
}

export type ClaimVerdict =
  { readonly verified: true; readonly claim: ClaimRecord } | { readonly verified: false; readonly failure: ClaimVerificationFailure; readonly message: string };

const refuse = (failure: ClaimVerificationFailure, message: string): ClaimVerdict => ({ verified: false, failure, message });

export async function verifyClaim(held: HeldClaim, chain: ClaimReader): Promise<ClaimVerdict> {
  const claim = await chain.getClaim(held.claimId);
  if (claim === undefined) return refuse(ClaimVerificationFailure.ClaimUnknown, `the chain holds no claim ${held.claimId}`);
  if (claim.providerOrg !== held.provider || claim.payerOrg !== held.insurer) {
    return refuse(
      ClaimVerificationFailure.PartiesMismatch,
      `the chain has ${claim.providerOrg} → ${claim.payerOrg}, the claim ${held.provider} → ${held.insurer}`,
    );
  }
  if (claim.contentCommitment !== held.contentCommitment) {
    return refuse(ClaimVerificationFailure.ContentMismatch, `content commitment ${held.contentCommitment} is not the chain's ${claim.contentCommitment}`);
  }
  const chainItems = claim.items.map((i) => i.serviceCommitment);
  const heldItems = held.items.map((i) => i.serviceCommitment);
  const differing = heldItems.findIndex((c, i) => chainItems[i] !== c);
  if (chainItems.length !== heldItems.length || differing !== -1) {
    return refuse(
      ClaimVerificationFailure.ItemsMismatch,
      chainItems.length !== heldItems.length
        ? `${heldItems.length} items held, ${chainItems.length} on the chain`
        : `item ${differing}'s service commitment differs`,
    );
  }
  if (claim.total.value !== held.total.value || claim.total.currency !== held.total.currency) {
    return refuse(
      ClaimVerificationFailure.TotalMismatch,
      `total ${held.total.value} ${held.total.currency} held, ${claim.total.value} ${claim.total.currency} on the chain`,
    );
  }
  return { verified: true, claim };
}
