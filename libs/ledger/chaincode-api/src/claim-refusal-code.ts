// Why the claim contract refuses one transition. A refusal is recorded per
// transition, in the function's result and event, so one bad claim never fails the
// others of its batch; only a malformed batch as a whole throws (INVALID_ARGUMENT).
// The two submission refusals are the ones the claims service turns into a denial.
export const ClaimRefusalCode = {
  /** An item's documentation is not a record event anchored before the claim was submitted. */
  UndocumentedService: 'undocumented-service',
  /** A service (patient, code, date, provider) is already billed by another claim, to any payer. */
  DuplicateService: 'duplicate-service',
  /** The claim's state does not allow the transition. */
  IllegalTransition: 'illegal-transition',
  /** The submitting client's organisation may not make this transition. */
  WrongOrganisation: 'wrong-organisation',
  /** No claim with that id is on the chain. */
  ClaimNotFound: 'claim-not-found',
  /** A submission for a claim id the chain already holds, with other content. */
  ClaimExists: 'claim-exists',
} as const;
export type ClaimRefusalCode = (typeof ClaimRefusalCode)[keyof typeof ClaimRefusalCode];

/** Thrown for a batch that does not parse: nothing of it is applied. */
export const CLAIM_INVALID_ARGUMENT = 'INVALID_ARGUMENT';
