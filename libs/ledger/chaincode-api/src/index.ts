// One definition of what the chaincode and its clients (ledger-writer, the verifier,
// the claims service) agree on: names, functions, refusal codes, record shapes, the
// derivation of what a grant puts on the chain, and the client ports the ledger
// adapters implement. No dependencies, so the chaincode process loads it as it is.
export { ANCHOR_CONTRACT_NAME, AnchorFunction, BATCH_ANCHORED_EVENT } from './anchor.names';
export { AnchorErrorCode } from './anchor-error-code';
export { MAX_BATCH_WINDOW_MS, MAX_LEAF_COUNT } from './anchor.limits';
export { type BatchAnchor, type BatchRecord, serializeBatchRecord, type SourceRange } from './batch-record';
export { CONSENT_CONTRACT_NAME, ConsentFunction, GRANT_EXPIRED_EVENT, GRANT_REGISTERED_EVENT, GRANT_REVOKED_EVENT } from './consent.names';
export { ConsentErrorCode } from './consent-error-code';
export { type GrantEnd, type GrantRecord, type GrantRegistration, type GrantStatus, type GrantStatusChange, serializeGrantRecord } from './grant-record';
export { type GrantValidity, type GrantValidityReason, serializeGrantValidity } from './grant-validity';
export { refusalIn, refusalMessage } from './refusal';
export { type AnchoredBatch, type LedgerAnchor } from './ledger-anchor.port';
export { type ConsentLedger, type GrantEndOutcome, type GrantTransition } from './consent-ledger.port';
export {
  grantEventCommitment,
  grantGranteeCommitment,
  grantKeyOf,
  grantPatientCommitment,
  grantRegistrationOf,
  grantScopeBytes,
  grantScopeCommitment,
  type GrantTerms,
} from './grant-derivations';
export {
  CLAIM_CONTRACT_NAME,
  CLAIM_TRANSITION_KINDS,
  CLAIM_TRANSITIONS_APPLIED_EVENT,
  ClaimFunction,
  type ClaimTransitionKind,
  MAX_ITEMS_PER_CLAIM,
  MAX_REASON_CODES,
  MAX_PROOF_LENGTH,
  MAX_TRANSITIONS_PER_BATCH,
  PAYER_MSP_ID,
  PROVIDER_MSP_ID,
  TRANSITION_MSP,
} from './claim.names';
export { CLAIM_INVALID_ARGUMENT, ClaimRefusalCode } from './claim-refusal-code';
export {
  ADJUDICATION_OUTCOMES,
  type AdjudicateTransition,
  type CancelTransition,
  type ChainAdjudicationOutcome,
  type ClaimChainStatus,
  type ClaimHistoryEntry,
  type ClaimItemRecord,
  type ClaimItemSubmission,
  type ClaimMoney,
  type ClaimRecord,
  type ClaimTransition,
  type ClaimTransitionBatch,
  type ClaimTransitionOutcome,
  type DocumentationProof,
  type PayTransition,
  type SubmitTransition,
  serializeClaimOutcomes,
  serializeClaimRecord,
} from './claim-record';
export { type AppliedTransitions, type ClaimChain } from './claim-chain.port';
