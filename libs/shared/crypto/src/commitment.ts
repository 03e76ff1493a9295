// Two uses of HMAC-SHA-256 that look alike and must not be confused.
//
// commit(): a commitment to a value, published where it stays for ever (the ledger).
// Keyed with a patient's commitment salt, so nobody without the salt can test a guess
// (a patient id is a small search space for a bare hash), and shredding the salt makes
// every commitment to that patient permanently unlinkable. Lowercase hex, the encoding
// of every hash on the chain.
//
// blindIndex(): a searchable token that stands in for a value in a store (an MPI
// blocking key in Redis): equal values give equal tokens, so lookups work without the
// raw value being stored. Keyed with one service-held index key per purpose, not a
// patient's salt, because it must match across patients. It reveals which records
// share a value, and anyone with the key can test guesses; keep low-entropy values
// (birth dates, postcodes) behind blocking keys that combine several fields.
// base64url, the shorter form for a store key. Normalise (case, Unicode form,
// whitespace) before calling: the token is only as equal as its input.
//
// Never key both with the same secret: commit(k, v) and blindIndex(k, v) are the same
// HMAC in two encodings, so the ledger would link to the index.
import { createHmac } from 'node:crypto';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import { assertUsableKey, KEY_BYTES } from './key-material';

export function commit(salt: Buffer, value: string | Buffer): string {
  assertUsableKey(salt, 'commitment salt', KEY_BYTES, true);
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
    // node:crypto's own TypeError would quote the value.
    throw new CryptoError(CryptoErrorCode.BadInput, 'a commitment is to a string or a Buffer');
  }
  return createHmac('sha256', salt).update(value).digest('hex');
}

export function blindIndex(key: Buffer, value: string): string {
  assertUsableKey(key, 'blind-index key', KEY_BYTES, true);
  if (typeof value !== 'string') {
    throw new CryptoError(CryptoErrorCode.BadInput, 'a blind index is of a string');
  }
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}
