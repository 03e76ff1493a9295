// One error type for the whole lib, with a code a caller can switch on: bad m/u
// parameters or thresholds are configuration bugs (fail at boot); a duplicate id is
// a bug in the caller's bookkeeping.
export enum MpiErrorCode {
  InvalidParameters = 'INVALID_PARAMETERS',
  InvalidThresholds = 'INVALID_THRESHOLDS',
  InvalidOptions = 'INVALID_OPTIONS',
  DuplicateId = 'DUPLICATE_ID',
}

export class MpiError extends Error {
  constructor(
    readonly code: MpiErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'MpiError';
  }
}
