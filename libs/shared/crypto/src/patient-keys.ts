// One version of a patient's key material: a data key (AES-256-GCM over their PHI)
// and a commitment salt (HMAC key of their ledger commitments). The identity service
// generates both, wraps them under the KMS and publishes only the wrapped form on the
// compacted keys topic; every service that needs them unwraps into memory.
// Destroying both (tombstone + PatientKeyRing.shred) is the patient's erasure.
import { randomBytes } from 'node:crypto';
import type { WrappedPatientKeyVersion } from '@carechain/contracts';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import type { EncryptionContext } from './encryption-context';
import { assertUsableKey, KEY_BYTES } from './key-material';
import type { KeyManagementService } from './kms.port';

export interface PatientKeyVersion {
  readonly version: number;
  readonly dataKey: Buffer;
  readonly salt: Buffer;
  readonly createdAt: string;
}

/** What each wrapped secret is for; part of its context, so a salt cannot be unwrapped as a data key. */
export type PatientSecretUse = 'data-key' | 'commitment-salt';

export function generatePatientKeyVersion(version: number, now: Date = new Date()): PatientKeyVersion {
  assertVersion(version);
  return { version, dataKey: randomBytes(KEY_BYTES), salt: randomBytes(KEY_BYTES), createdAt: now.toISOString() };
}

/**
 * The context a patient secret is wrapped under. Binding patientId stops a wrapped key
 * being replayed into another patient's keys message; use and version stop a salt
 * posing as a data key or an old version posing as the current one.
 */
export function patientSecretContext(patientId: string, use: PatientSecretUse, version: number): EncryptionContext {
  return { patientId, use, version: String(version) };
}

export async function wrapPatientKeyVersion(kms: KeyManagementService, patientId: string, key: PatientKeyVersion): Promise<WrappedPatientKeyVersion> {
  assertPatientId(patientId);
  assertVersion(key.version);
  const [dataKey, salt] = await Promise.all([
    kms.wrap(key.dataKey, patientSecretContext(patientId, 'data-key', key.version)),
    kms.wrap(key.salt, patientSecretContext(patientId, 'commitment-salt', key.version)),
  ]);
  return { version: key.version, createdAt: key.createdAt, dataKey, salt };
}

export async function unwrapPatientKeyVersion(kms: KeyManagementService, patientId: string, wrapped: WrappedPatientKeyVersion): Promise<PatientKeyVersion> {
  assertPatientId(patientId);
  assertVersion(wrapped.version);
  const settled = await Promise.allSettled([
    kms.unwrap(wrapped.dataKey, patientSecretContext(patientId, 'data-key', wrapped.version)),
    kms.unwrap(wrapped.salt, patientSecretContext(patientId, 'commitment-salt', wrapped.version)),
  ]);
  const unwrapped = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  const [dataKey, salt] = unwrapped;
  try {
    if (failure) {
      throw failure.reason;
    }
    assertUsableKey(dataKey, 'unwrapped data key');
    assertUsableKey(salt, 'unwrapped commitment salt');
  } catch (error) {
    // Never leave half a key pair (or a malformed one) lying in memory.
    unwrapped.forEach((secret) => secret.fill(0));
    throw error;
  }
  return { version: wrapped.version, dataKey, salt, createdAt: wrapped.createdAt };
}

function assertPatientId(patientId: string): void {
  if (typeof patientId !== 'string' || patientId.length === 0) {
    throw new CryptoError(CryptoErrorCode.BadInput, 'patientId must be a non-empty string');
  }
}

export function assertVersion(version: number): void {
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new CryptoError(CryptoErrorCode.BadInput, 'key version must be an integer ≥ 1');
  }
}
