// The encryption context: non-secret name/value pairs bound into a ciphertext as GCM
// additional authenticated data, so a wrapped key or sealed payload only opens under
// the same pairs. {patientId, use, version} on a wrapped data key is what stops
// anyone from copying patient A's wrapped key into patient B's keys message.
//
// Values are not encrypted, and cloud KMSs log them (AWS CloudTrail shows the
// EncryptionContext in clear): ids and labels only, never PHI.
import { CryptoError, CryptoErrorCode } from './crypto.error';

export type EncryptionContext = Readonly<Record<string, string>>;

/** Far below every cloud KMS's AAD limit, and far above any sane context. */
export const MAX_CONTEXT_BYTES = 4096;

/**
 * The one canonical text of a context: a JSON array of [name, value] pairs sorted by
 * name (UTF-16 code-unit order, what Array.prototype.sort does). JSON quoting makes
 * it unambiguous: no choice of names or values can make two contexts encode alike.
 * Throws BadInput for an empty context, a non-string value, or an oversized one.
 */
export function canonicalContext(context: EncryptionContext): string {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new CryptoError(CryptoErrorCode.BadInput, 'encryption context must be an object of strings');
  }
  const names = Object.keys(context).sort();
  if (names.length === 0) {
    // An empty context binds nothing, which is exactly the swap it exists to prevent.
    throw new CryptoError(CryptoErrorCode.BadInput, 'encryption context must have at least one entry');
  }
  const pairs = names.map((name) => {
    const value: unknown = context[name];
    if (name.length === 0 || typeof value !== 'string') {
      throw new CryptoError(CryptoErrorCode.BadInput, 'encryption context names must be non-empty and values strings');
    }
    return [name, value];
  });
  const text = JSON.stringify(pairs);
  if (Buffer.byteLength(text, 'utf8') > MAX_CONTEXT_BYTES) {
    throw new CryptoError(CryptoErrorCode.BadInput, `encryption context exceeds ${MAX_CONTEXT_BYTES} bytes`);
  }
  return text;
}

/** The AAD a KMS adapter binds when wrapping: the UTF-8 bytes of the canonical context. */
export function encryptionContextAad(context: EncryptionContext): Buffer {
  return Buffer.from(canonicalContext(context), 'utf8');
}
