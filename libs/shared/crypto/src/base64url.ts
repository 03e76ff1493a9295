// base64url without padding, the encoding of every binary field on the wire (RFC 4648
// §5). Decoding is strict: Buffer.from(…, 'base64url') skips characters it does not
// know and ignores set padding bits, so two different strings could decode to the same
// bytes. A GCM tag only covers the bytes, so accepting a second spelling would let a
// changed string pass as authentic; here only the one canonical spelling decodes.
import { CryptoError, CryptoErrorCode } from './crypto.error';

const ALPHABET = /^[A-Za-z0-9_-]*$/;

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/**
 * Decodes `text` or throws BadInput naming `field`. With `expectedBytes` the decoded
 * length must match exactly (an IV, a tag, a 32-byte key).
 */
export function decodeBase64Url(text: unknown, field: string, expectedBytes?: number): Buffer {
  if (typeof text !== 'string' || !ALPHABET.test(text) || text.length % 4 === 1) {
    throw new CryptoError(CryptoErrorCode.BadInput, `${field} is not base64url without padding`);
  }
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) {
    throw new CryptoError(CryptoErrorCode.BadInput, `${field} is not canonical base64url`);
  }
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw new CryptoError(CryptoErrorCode.BadInput, `${field} must be ${expectedBytes} bytes, got ${bytes.length}`);
  }
  return bytes;
}
