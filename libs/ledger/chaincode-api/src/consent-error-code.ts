// The consent contract's refusal codes. ledger-writer reads GRANT_EXISTS after
// RegisterGrant, ALREADY_REVOKED after RevokeGrant and ALREADY_EXPIRED after
// ExpireGrant as "already done" when it retries.
export enum ConsentErrorCode {
  GrantExists = 'GRANT_EXISTS',
  GrantNotFound = 'GRANT_NOT_FOUND',
  AlreadyRevoked = 'ALREADY_REVOKED',
  AlreadyExpired = 'ALREADY_EXPIRED',
  /** The grant already ended the other way (revoked when asked to expire, or the reverse). */
  NotActive = 'NOT_ACTIVE',
  InvalidArgument = 'INVALID_ARGUMENT',
}
