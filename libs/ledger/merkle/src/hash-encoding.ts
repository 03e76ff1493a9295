// Hex in/out for hashes that travel in receipts and chaincode arguments. Hashes are
// always SHA-256 sized; anything else is rejected here so a truncated or padded value
// fails loudly at the boundary instead of silently never verifying.
import { MerkleError, MerkleErrorCode } from './merkle.error';

export const HASH_SIZE = 32;

const HEX_PATTERN = /^(?:[0-9a-f]{2})*$/i;

/** Throws unless `value` is exactly one SHA-256 digest long. */
export function assertHash(value: Uint8Array, what = 'hash'): void {
  if (value.length !== HASH_SIZE) {
    throw new MerkleError(MerkleErrorCode.InvalidHashSize, `${what} must be ${HASH_SIZE} bytes, got ${value.length}`);
  }
}

/** Lowercase hex, the form the chaincode and receipts store. */
export function toHex(value: Uint8Array): string {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
}

/** Strict hex decoding: Buffer.from(…, 'hex') silently stops at the first bad digit. */
export function fromHex(hex: string, what = 'value'): Buffer {
  if (!HEX_PATTERN.test(hex)) {
    throw new MerkleError(MerkleErrorCode.InvalidHex, `${what} is not an even-length hex string`);
  }
  return Buffer.from(hex, 'hex');
}

/** Decodes a 64-digit hex string into a 32-byte hash. */
export function hashFromHex(hex: string, what = 'hash'): Buffer {
  const bytes = fromHex(hex, what);
  assertHash(bytes, what);
  return bytes;
}
