// Self-sovereign option: the patient's own Ed25519 public key. Consent actions
// signed with it are recorded as patient-signed; identity serves it as a DID document.
import { z } from 'zod';

export const SIGNING_KEY_REGISTERED_V1 = 'carechain.identity.patient.signing-key-registered.v1';

export const ed25519JwkSchema = z
  .object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    /** The 32-byte public key, base64url without padding. */
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 32-byte Ed25519 public key, base64url'),
  })
  .strict();

export const signingKeyRegisteredV1Schema = z.object({
  patientId: z.uuid(),
  /** RFC 7638 JWK thumbprint of the key. */
  keyId: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  jwk: ed25519JwkSchema,
});

export type Ed25519Jwk = z.infer<typeof ed25519JwkSchema>;
export type SigningKeyRegisteredV1 = Readonly<z.infer<typeof signingKeyRegisteredV1Schema>>;
