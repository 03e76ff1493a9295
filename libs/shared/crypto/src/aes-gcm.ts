// AES-256-GCM, the one cipher of the lib (data keys over PHI, KEKs over data keys).
// Random 96-bit IVs: NIST SP 800-38D §8.3 allows 2^32 random-IV messages per key,
// and a per-patient data key or a rotated KEK sees orders of magnitude fewer.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import { assertUsableKey } from './key-material';

export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export interface GcmBox {
  readonly iv: Buffer;
  readonly ct: Buffer;
  readonly tag: Buffer;
}

export function gcmSeal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, what: string): GcmBox {
  assertUsableKey(key, what);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ct, tag: cipher.getAuthTag() };
}

/** Throws AuthenticationFailed for any tampering, wrong key or wrong AAD, with no detail on which. */
export function gcmOpen(key: Uint8Array, box: GcmBox, aad: Uint8Array, what: string): Buffer {
  assertUsableKey(key, what);
  if (box.iv.length !== IV_BYTES || box.tag.length !== TAG_BYTES) {
    // Pinning the tag length matters: GCM would otherwise verify a truncated tag.
    throw new CryptoError(CryptoErrorCode.BadInput, `GCM needs a ${IV_BYTES}-byte IV and a ${TAG_BYTES}-byte tag`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, box.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(box.tag);
  const unverified = decipher.update(box.ct);
  try {
    decipher.final();
  } catch {
    // update() already released the would-be plaintext; it is unauthenticated, wipe it.
    unverified.fill(0);
    throw new CryptoError(CryptoErrorCode.AuthenticationFailed, `${what}: authentication failed (tampered, wrong key or wrong context)`);
  }
  return unverified;
}
