// The port to whatever holds the key-encryption keys (KEKs). Patient data keys and
// commitment salts exist in clear only in service memory; everywhere else (the
// compacted keys topic, backups) they travel wrapped under a KEK that never leaves the
// KMS. Adapters: LocalKeyringKms for development; a cloud KMS behind the same contract
// (README.md "KMS adapter contract", checked by testing/kms-contract.ts).
import type { WrappedSecret } from '@carechain/contracts';
import type { EncryptionContext } from './encryption-context';

/** The contract's WrappedSecret.ct holds exactly 32 bytes: a data key or a salt. */
export const WRAPPED_SECRET_BYTES = 32;

/** The kekId alphabet of the contract (fits an AWS key ARN, a GCP key-version name, an Azure key id). */
export const KEK_ID_PATTERN = /^[A-Za-z0-9:._/-]{1,256}$/;

export interface KeyManagementService {
  /** A short name for logs and metrics: 'local-keyring', 'gcp-kms', … */
  readonly provider: string;

  /** The KEK that `wrap` uses now; changes on rotation. */
  activeKekId(): string;

  /**
   * Wraps a 32-byte secret under the active KEK with `context` bound as AAD.
   * Throws CryptoError: BadInput (size, empty context), KmsUnavailable.
   */
  wrap(secret: Buffer, context: EncryptionContext): Promise<WrappedSecret>;

  /**
   * Unwraps under the KEK the value names, if and only if `context` equals the one it
   * was wrapped with (order of entries irrelevant). Returns a fresh Buffer the caller owns.
   * Throws CryptoError: UnknownKek, AuthenticationFailed, BadInput, KmsUnavailable.
   */
  unwrap(wrapped: WrappedSecret, context: EncryptionContext): Promise<Buffer>;
}
