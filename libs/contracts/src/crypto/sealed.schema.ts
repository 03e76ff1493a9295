// The two encrypted shapes that travel in events. Both are AES-256-GCM with a
// 96-bit random IV and a 128-bit tag, every binary field base64url without padding.
// A sealed payload is PHI encrypted under a patient's data key; a wrapped secret is a
// patient's data key or salt encrypted under a key-encryption key (KEK) that only the
// key-management service holds.
import { z } from 'zod';

const b64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'base64url without padding');

export const ivSchema = b64url(16, 16).describe('96-bit IV, base64url');
export const tagSchema = b64url(22, 22).describe('128-bit GCM tag, base64url');

/** PHI encrypted with one version of a patient's data key. */
export const sealedPayloadSchema = z.object({
  alg: z.literal('A256GCM'),
  /** The version of the patient's key that sealed it: rotation keeps old versions readable. */
  keyVersion: z.number().int().min(1),
  iv: ivSchema,
  ct: b64url(1, 1_400_000),
  tag: tagSchema,
});

/** A 32-byte secret (data key or commitment salt) wrapped by a KEK. */
export const wrappedSecretSchema = z.object({
  alg: z.literal('A256GCM'),
  /** Which KEK wrapped it, so KEK rotation keeps old wraps unwrappable. */
  kekId: z.string().regex(/^[A-Za-z0-9:._/-]{1,256}$/),
  iv: ivSchema,
  /** 32 bytes from raw AES-GCM (local keyring, GCP raw keys); a cloud KMS's opaque ciphertext blob may be longer. */
  ct: b64url(43, 8192),
  tag: tagSchema,
});

export type SealedPayload = z.infer<typeof sealedPayloadSchema>;
export type WrappedSecret = z.infer<typeof wrappedSecretSchema>;
