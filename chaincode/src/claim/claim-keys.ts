// World-state key layout of the claim contract, under "claim/" beside the anchor
// contract's "anchor/" and the consent contract's composite keys. Point reads only.

/** The claim record. */
export function claimKey(claimId: string): string {
  return `claim/claim/${claimId}`;
}

/** The duplicate-billing key: which claim bills the service this commitment stands for. */
export function serviceKey(serviceCommitment: string): string {
  return `claim/service/${serviceCommitment}`;
}
