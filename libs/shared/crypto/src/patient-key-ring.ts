// The unwrapped key material of the patients a service has met, in memory only, fed
// from the compacted keys topic: a keys message put()s every version of a patient, a
// tombstone shred()s them. Shredding overwrites the Buffers in place, so the ring
// takes ownership of what it is given: callers must not keep their own copies, and a
// key fetched before a shred fails on use afterwards (every operation refuses a
// zeroed key) instead of quietly encrypting under zeros.
import { CryptoError, CryptoErrorCode } from './crypto.error';
import { assertUsableKey } from './key-material';
import { assertVersion, type PatientKeyVersion } from './patient-keys';

export class PatientKeyRing {
  /** Per patient, versions in ascending order. */
  private readonly keys = new Map<string, readonly PatientKeyVersion[]>();
  /**
   * Erased patients, remembered so a late or redelivered keys message cannot bring
   * their keys back. Patient ids are UUIDs, never reused; a few dozen bytes each.
   */
  private readonly shredded = new Set<string>();

  /** Patients whose keys are loaded. */
  get size(): number {
    return this.keys.size;
  }

  /**
   * Replaces the patient's versions with `versions` (a keys message carries them all).
   * Buffers of replaced versions not passed again are zeroed. Throws KeyShredded for an
   * erased patient (a consumer acknowledges and skips), BadInput for a malformed set.
   */
  put(patientId: string, versions: readonly PatientKeyVersion[]): void {
    if (this.shredded.has(patientId)) {
      throw new CryptoError(CryptoErrorCode.KeyShredded, 'the patient’s keys were shredded; they cannot be loaded again');
    }
    if (versions.length === 0) {
      throw new CryptoError(CryptoErrorCode.BadInput, 'a patient needs at least one key version');
    }
    const sorted = [...versions].sort((a, b) => a.version - b.version);
    sorted.forEach((key, i) => {
      assertVersion(key.version);
      if (i > 0 && sorted[i - 1].version === key.version) {
        throw new CryptoError(CryptoErrorCode.BadInput, `key version ${key.version} given twice`);
      }
      assertUsableKey(key.dataKey, `data key v${key.version}`);
      assertUsableKey(key.salt, `commitment salt v${key.version}`);
    });
    const kept = new Set(sorted.flatMap((key) => [key.dataKey, key.salt]));
    this.wipe(patientId, (buffer) => !kept.has(buffer));
    this.keys.set(patientId, Object.freeze(sorted));
  }

  /** The highest version, which new data is sealed under; undefined if none is loaded. */
  current(patientId: string): PatientKeyVersion | undefined {
    return this.keys.get(patientId)?.at(-1);
  }

  version(patientId: string, version: number): PatientKeyVersion | undefined {
    return this.keys.get(patientId)?.find((key) => key.version === version);
  }

  /**
   * Like current()/version(), but says why there is no key: KeyShredded (gone for good),
   * KeyNotLoaded or UnknownKeyVersion (the keys topic may not have been consumed that far).
   */
  require(patientId: string, version?: number): PatientKeyVersion {
    if (this.shredded.has(patientId)) {
      throw new CryptoError(CryptoErrorCode.KeyShredded, 'the patient’s keys were shredded');
    }
    if (!this.keys.has(patientId)) {
      throw new CryptoError(CryptoErrorCode.KeyNotLoaded, 'no keys loaded for the patient');
    }
    const key = version === undefined ? this.current(patientId) : this.version(patientId, version);
    if (!key) {
      throw new CryptoError(CryptoErrorCode.UnknownKeyVersion, `no key version ${String(version)} loaded for the patient`);
    }
    return key;
  }

  /** Zeroes every Buffer of the patient's keys, forgets them, and refuses them from now on. */
  shred(patientId: string): void {
    this.wipe(patientId, () => true);
    this.keys.delete(patientId);
    this.shredded.add(patientId);
  }

  isShredded(patientId: string): boolean {
    return this.shredded.has(patientId);
  }

  private wipe(patientId: string, shouldWipe: (buffer: Buffer) => boolean): void {
    for (const key of this.keys.get(patientId) ?? []) {
      for (const buffer of [key.dataKey, key.salt]) {
        if (shouldWipe(buffer)) {
          buffer.fill(0);
        }
      }
    }
  }
}
