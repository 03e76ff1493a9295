// Sealing PHI under one version of a patient's data key, into the contract's
// SealedPayload. The AAD is the caller's context plus the payload's own header (alg and
// keyVersion), behind a label that keeps it distinct from any KMS wrapping AAD. Put in
// the context what the payload is about and where it belongs (patientId, recordId,
// version, field): a sealed value then cannot be moved to another record unnoticed.
import type { SealedPayload } from '@carechain/contracts';
import { gcmOpen, gcmSeal, IV_BYTES, TAG_BYTES } from './aes-gcm';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import { canonicalContext, type EncryptionContext } from './encryption-context';
import { assertVersion, type PatientKeyVersion } from './patient-keys';

/** The contract caps ct at 1,400,000 base64url characters, which is this many bytes. */
export const MAX_SEALED_BYTES = 1_050_000;

const AAD_LABEL = 'carechain.sealed-payload/1';

export function sealBytes(key: PatientKeyVersion, plaintext: Uint8Array, aad: EncryptionContext): SealedPayload {
  if (!(plaintext instanceof Uint8Array) || plaintext.length === 0 || plaintext.length > MAX_SEALED_BYTES) {
    throw new CryptoError(CryptoErrorCode.BadInput, `plaintext must be 1 to ${MAX_SEALED_BYTES} bytes`);
  }
  assertVersion(key.version);
  const box = gcmSeal(key.dataKey, plaintext, payloadAad(key.version, aad), `data key v${key.version}`);
  return { alg: 'A256GCM', keyVersion: key.version, iv: encodeBase64Url(box.iv), ct: encodeBase64Url(box.ct), tag: encodeBase64Url(box.tag) };
}

/** Returns a fresh Buffer the caller owns (and should fill(0) when done with it). */
export function openBytes(key: PatientKeyVersion, sealed: SealedPayload, aad: EncryptionContext): Buffer {
  if (typeof sealed !== 'object' || sealed === null || sealed.alg !== 'A256GCM') {
    throw new CryptoError(CryptoErrorCode.BadInput, 'sealed payload must be an A256GCM SealedPayload');
  }
  if (!Number.isSafeInteger(sealed.keyVersion) || sealed.keyVersion < 1) {
    throw new CryptoError(CryptoErrorCode.BadInput, 'sealed payload has no valid keyVersion');
  }
  if (sealed.keyVersion !== key.version) {
    throw new CryptoError(CryptoErrorCode.KeyVersionMismatch, `payload sealed under key v${sealed.keyVersion}, opened with v${key.version}`);
  }
  const box = {
    iv: decodeBase64Url(sealed.iv, 'iv', IV_BYTES),
    ct: decodeBase64Url(sealed.ct, 'ct'),
    tag: decodeBase64Url(sealed.tag, 'tag', TAG_BYTES),
  };
  if (box.ct.length === 0) {
    throw new CryptoError(CryptoErrorCode.BadInput, 'ct is empty');
  }
  return gcmOpen(key.dataKey, box, payloadAad(key.version, aad), `payload sealed under data key v${key.version}`);
}

/** JSON.stringify, then sealBytes. Values JSON cannot represent (undefined, a function, a BigInt, a cycle) are refused. */
export function sealJson(key: PatientKeyVersion, value: unknown, aad: EncryptionContext): SealedPayload {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) {
    throw new CryptoError(CryptoErrorCode.BadInput, 'value is not JSON-serialisable');
  }
  const plaintext = Buffer.from(json, 'utf8');
  try {
    return sealBytes(key, plaintext, aad);
  } finally {
    plaintext.fill(0);
  }
}

/**
 * openBytes, then JSON.parse. The type parameter is the caller's claim, not a check:
 * validate the result with the payload's schema where its origin is not trusted.
 */
export function openJson<T = unknown>(key: PatientKeyVersion, sealed: SealedPayload, aad: EncryptionContext): T {
  const plaintext = openBytes(key, sealed, aad);
  try {
    return JSON.parse(plaintext.toString('utf8')) as T;
  } catch {
    // Authentic but not JSON: sealed with sealBytes. The parse message would quote PHI.
    throw new CryptoError(CryptoErrorCode.BadInput, 'sealed payload is not JSON');
  } finally {
    plaintext.fill(0);
  }
}

function payloadAad(keyVersion: number, aad: EncryptionContext): Buffer {
  return Buffer.from(`${AAD_LABEL}\nA256GCM\n${keyVersion}\n${canonicalContext(aad)}`, 'utf8');
}
