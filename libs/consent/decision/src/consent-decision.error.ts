// One error type for the lib. Denials are not errors (they are Decisions); these are
// inputs the lib refuses to decide on or to store, i.e. bugs or malformed events
// upstream: the consent consumer dead-letters them, an HTTP edge answers 400.
export enum ConsentDecisionErrorCode {
  InvalidRequest = 'INVALID_REQUEST',
  InvalidGrant = 'INVALID_GRANT',
  InvalidTimestamp = 'INVALID_TIMESTAMP',
  /** Two different grants under one grantId: grants are immutable, so one of them is a bug. */
  GrantConflict = 'GRANT_CONFLICT',
}

export class ConsentDecisionError extends Error {
  constructor(
    readonly code: ConsentDecisionErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'ConsentDecisionError';
  }
}
