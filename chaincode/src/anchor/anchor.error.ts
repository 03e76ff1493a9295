// Errors of the anchor contract. fabric-contract-api returns `error.message` to the
// client as the endorsement failure, so the code leads the message: ledger-writer
// recognises a `BATCH_EXISTS:` refusal as "already anchored", i.e. success.
export enum AnchorErrorCode {
  BatchExists = 'BATCH_EXISTS',
  BatchNotFound = 'BATCH_NOT_FOUND',
  InvalidArgument = 'INVALID_ARGUMENT',
}

export class AnchorError extends Error {
  constructor(
    readonly code: AnchorErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'AnchorError';
  }

  static invalid(detail: string): AnchorError {
    return new AnchorError(AnchorErrorCode.InvalidArgument, detail);
  }
}
