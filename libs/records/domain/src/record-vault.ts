// Sealing a record version under the patient's data key and opening it again, in
// memory, per request. The AAD binds patient, record and version, so a sealed
// resource moved to another record or version does not open.
import type { SealedPayload } from '@carechain/contracts';
import { CryptoError, CryptoErrorCode, openJson, sealJson, type EncryptionContext, type PatientKeyVersion } from '@carechain/crypto';
import type { PatientKeyTable } from '@carechain/patient-keys';
import type { FhirResource } from '@carechain/records-fhir';
import { patientErased, RecordsError, RecordsErrorCode } from './records.error';
import type { StoredVersion } from './stored-version';

export type PatientKeys = Pick<PatientKeyTable, 'awaitCurrent' | 'version' | 'isShredded'>;

export function recordContext(patientId: string, recordId: string, version: number): EncryptionContext {
  return { patientId, recordId, version: String(version) };
}

export class RecordVault {
  constructor(
    private readonly keys: PatientKeys,
    /** How long to wait for a patient's keys to reach this instance. */
    private readonly keyWaitMs: number,
  ) {}

  /** Seals under the patient's current key version. */
  async seal(patientId: string, recordId: string, version: number, resource: FhirResource): Promise<SealedPayload> {
    const key = await this.keyOf(patientId);
    return sealJson(key, resource, recordContext(patientId, recordId, version));
  }

  async open(stored: StoredVersion): Promise<FhirResource> {
    const key = await this.keyOf(stored.patientId, stored.resource.keyVersion);
    // Authenticated under our own AAD: it is what records sealed, a validated resource.
    return openJson<FhirResource>(key, stored.resource, recordContext(stored.patientId, stored.recordId, stored.version));
  }

  private async keyOf(patientId: string, version?: number): Promise<PatientKeyVersion> {
    const loaded = () => (version === undefined ? undefined : this.keys.version(patientId, version));
    if (this.keys.isShredded(patientId)) throw patientErased(patientId);
    const ready = loaded();
    if (ready) return ready;
    try {
      const current = await this.keys.awaitCurrent(patientId, this.keyWaitMs);
      const key = version === undefined ? current : loaded();
      if (key) return key;
    } catch (err) {
      if (!(err instanceof CryptoError)) throw err;
      if (err.code === CryptoErrorCode.KeyShredded) throw patientErased(patientId);
    }
    throw new RecordsError(
      RecordsErrorCode.KeysUnavailable,
      `the keys of patient ${patientId}${version === undefined ? '' : ` (version ${version})`} have not reached this instance`,
    );
  }
}
