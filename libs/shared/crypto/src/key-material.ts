// Checks every key passes before use. The all-zero check is what makes shredding
// safe: PatientKeyRing.shred zeroes Buffers in place, and a caller still holding one
// (fetched before the erasure, used after an await) must fail loudly here rather than
// seal PHI under a key of zeros or publish commitments anyone can recompute.
import { CryptoError, CryptoErrorCode } from './crypto.error';

/** AES-256 keys, patient data keys, commitment salts and KEKs are all this size. */
export const KEY_BYTES = 32;

export function isZeroed(bytes: Uint8Array): boolean {
  let acc = 0;
  for (const byte of bytes) {
    acc |= byte;
  }
  return acc === 0;
}

/** Throws unless `key` is a live key of `exactBytes` (or, with `atLeast`, at least that many) bytes. */
export function assertUsableKey(key: unknown, what: string, exactBytes = KEY_BYTES, atLeast = false): asserts key is Uint8Array {
  if (!(key instanceof Uint8Array)) {
    throw new CryptoError(CryptoErrorCode.BadInput, `${what} must be a Buffer`);
  }
  const sizeOk = atLeast ? key.length >= exactBytes : key.length === exactBytes;
  if (!sizeOk) {
    throw new CryptoError(CryptoErrorCode.BadInput, `${what} must be ${atLeast ? 'at least ' : ''}${exactBytes} bytes, got ${key.length}`);
  }
  if (isZeroed(key)) {
    throw new CryptoError(CryptoErrorCode.KeyShredded, `${what} is all zeros: it was shredded`);
  }
}
