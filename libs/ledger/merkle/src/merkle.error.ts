// One error type for the whole lib, with a code a caller can switch on (a receipt
// with a malformed proof is a client error; a non-canonical event is a bug upstream).
export enum MerkleErrorCode {
  InvalidHashSize = 'INVALID_HASH_SIZE',
  InvalidHex = 'INVALID_HEX',
  InvalidIndex = 'INVALID_INDEX',
  InvalidSalt = 'INVALID_SALT',
  NotCanonicalizable = 'NOT_CANONICALIZABLE',
}

export class MerkleError extends Error {
  constructor(
    readonly code: MerkleErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'MerkleError';
  }
}
