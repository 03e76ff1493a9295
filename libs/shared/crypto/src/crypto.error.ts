// The one error type of the crypto lib. Codes are stable API: a consumer decides
// retry-vs-dead-letter on the code, never on the prose. Messages are built here from
// ids, lengths and field names only; they never carry key material, plaintext or the
// text of a keyring file, because they end up in logs.

export enum CryptoErrorCode {
  /** A caller passed something malformed: wrong key size, empty context, bad base64url, non-JSON value. */
  BadInput = 'bad_input',
  /** The keyring file is missing, unreadable or not a valid carechain keyring. */
  BadKeyring = 'bad_keyring',
  /** The keyring file can be read or written by group or others. */
  InsecureKeyring = 'insecure_keyring',
  /** No KEK with that id: it was never created here or has been destroyed. */
  UnknownKek = 'unknown_kek',
  /** GCM refused: tampered ciphertext, IV or tag, a wrong key, or a wrong context. */
  AuthenticationFailed = 'authentication_failed',
  /** A payload sealed under one key version was opened with another. */
  KeyVersionMismatch = 'key_version_mismatch',
  /** No key material for this patient is loaded (yet). */
  KeyNotLoaded = 'key_not_loaded',
  /** The patient's keys are loaded but not this version (yet). */
  UnknownKeyVersion = 'unknown_key_version',
  /** The patient's keys were destroyed (erasure): what they protect is gone for good. */
  KeyShredded = 'key_shredded',
  /** The key-management service could not be reached or throttled us. */
  KmsUnavailable = 'kms_unavailable',
}

/**
 * Whether the same call may succeed later without anyone changing the input: the keys
 * topic may not have been consumed that far yet, or the KMS may come back. Everything
 * else is permanent (a shredded key never returns; a tampered payload stays tampered).
 */
export function isTransientCryptoError(code: CryptoErrorCode): boolean {
  switch (code) {
    case CryptoErrorCode.KeyNotLoaded:
    case CryptoErrorCode.UnknownKeyVersion:
    case CryptoErrorCode.KmsUnavailable:
      return true;
    case CryptoErrorCode.BadInput:
    case CryptoErrorCode.BadKeyring:
    case CryptoErrorCode.InsecureKeyring:
    case CryptoErrorCode.UnknownKek:
    case CryptoErrorCode.AuthenticationFailed:
    case CryptoErrorCode.KeyVersionMismatch:
    case CryptoErrorCode.KeyShredded:
      return false;
    default:
      return unreachable(code);
  }
}

function unreachable(code: never): never {
  throw new Error(`unhandled crypto error code: ${String(code)}`);
}

export class CryptoError extends Error {
  override readonly name = 'CryptoError';

  /**
   * `cause` is for an adapter's transport errors (a KMS SDK exception) and must not
   * hold secrets; the lib itself never attaches the errors of node:crypto or JSON.parse,
   * whose messages can quote the input.
   */
  constructor(
    readonly code: CryptoErrorCode,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${detail}`, options);
  }

  get transient(): boolean {
    return isTransientCryptoError(this.code);
  }
}
