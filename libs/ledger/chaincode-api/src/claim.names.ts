// The claim contract's names: each organisation's ledger-writer submits
// `claim:ApplyTransitions` with the transitions its organisation made, anyone evaluates
// `claim:GetClaim`, and the claims service learns the verdicts from the
// `ClaimTransitionsApplied` event. Which organisation may make which transition is
// here too, so the writers pick their share and the contract checks the same table.

/** The contract's name within the `carechain` chaincode, beside `anchor` and `consent`. */
export const CLAIM_CONTRACT_NAME = 'claim';

export const ClaimFunction = {
  ApplyTransitions: 'ApplyTransitions',
  GetClaim: 'GetClaim',
} as const;
export type ClaimFunction = (typeof ClaimFunction)[keyof typeof ClaimFunction];

/** Chaincode event of one ApplyTransitions: the outcome of every transition, as the function returns them. */
export const CLAIM_TRANSITIONS_APPLIED_EVENT = 'ClaimTransitionsApplied';

/** The MSP ids of the network's two organisations (deploy/fabric/crypto-config.yaml). */
export const PROVIDER_MSP_ID = 'ProviderOrgMSP';
export const PAYER_MSP_ID = 'PayerOrgMSP';

export const CLAIM_TRANSITION_KINDS = ['submit', 'cancel', 'adjudicate', 'pay'] as const;
export type ClaimTransitionKind = (typeof CLAIM_TRANSITION_KINDS)[number];

/** The only organisation whose client identity may make each transition: providers bill and withdraw, payers decide and pay. */
export const TRANSITION_MSP: Readonly<Record<ClaimTransitionKind, string>> = {
  submit: PROVIDER_MSP_ID,
  cancel: PROVIDER_MSP_ID,
  adjudicate: PAYER_MSP_ID,
  pay: PAYER_MSP_ID,
};

/** At most this many transitions per ApplyTransitions: bounds one endorsement's work and write set. */
export const MAX_TRANSITIONS_PER_BATCH = 200;
/** At most this many reason codes per adjudication (X12 835 adjustments, deduplicated). */
export const MAX_REASON_CODES = 64;
/** At most this many items per claim (X12 837 allows 50 service lines; FHIR has no bound). */
export const MAX_ITEMS_PER_CLAIM = 100;
/** An inclusion proof is at most as long as the tree is tall; 2^40 leaves is far beyond any batch. */
export const MAX_PROOF_LENGTH = 40;
