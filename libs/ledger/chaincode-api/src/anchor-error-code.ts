// The anchor contract's refusal codes. ledger-writer reads BATCH_EXISTS as "already
// anchored", i.e. success, and BATCH_NOT_FOUND from GetBatch as "no such batch".
export enum AnchorErrorCode {
  BatchExists = 'BATCH_EXISTS',
  BatchNotFound = 'BATCH_NOT_FOUND',
  InvalidArgument = 'INVALID_ARGUMENT',
}
