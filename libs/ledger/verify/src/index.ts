export { VerificationFailure } from './verification-failure';
export { BatchProofs, type BatchReceipt, type EventReceiptOfBatch } from './batch-receipt';
export {
  checkLeafAndPath,
  receiptPathHolds,
  verifyEvent,
  type AnchoredBatch,
  type BatchReader,
  type EventReceipt,
  type SaltInput,
  type Verdict,
} from './verify-event';
export { ClaimVerificationFailure, verifyClaim, type ClaimReader, type ClaimVerdict, type HeldClaim } from './verify-claim';
