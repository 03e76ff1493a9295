// Checks a patient's Ed25519 signature over an action's signing payload (from
// @carechain/contracts, so the patient's app builds the same bytes) against the
// public keys the patient registered with identity.
import { createPublicKey, verify } from 'node:crypto';
import type { PatientSignature } from '@carechain/contracts';
import type { RegisteredPatient } from '@carechain/patient-registry';
import { ConsentError, ConsentErrorCode } from './consent.error';

/** Throws SIGNING_KEY_UNKNOWN or SIGNATURE_INVALID unless `signature` verifies over `payload`. */
export function verifyPatientSignature(patient: RegisteredPatient, signature: PatientSignature, payload: Buffer): void {
  const jwk = patient.signingKeys.get(signature.keyId);
  if (jwk === undefined) {
    throw new ConsentError(ConsentErrorCode.SigningKeyUnknown, `patient ${patient.patientId} has registered no signing key ${signature.keyId}`);
  }
  let valid: boolean;
  try {
    const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
    valid = verify(null, payload, key, Buffer.from(signature.value, 'base64url'));
  } catch {
    // A registered key node:crypto cannot load verifies nothing.
    valid = false;
  }
  if (!valid)
    throw new ConsentError(ConsentErrorCode.SignatureInvalid, `the signature does not verify under key ${signature.keyId} of patient ${patient.patientId}`);
}
