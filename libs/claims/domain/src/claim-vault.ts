// Sealing what claims keeps of a patient (coverages, claims, responses, payments,
// appeal reasons) under the patient's data key, and opening it in memory per
// request. The AAD binds patient, claim or coverage, and part, so a sealed claim
// moved to another claim, patient or part does not open.
import type { SealedPayload } from '@carechain/contracts';
import { CryptoError, CryptoErrorCode, openJson, sealJson, type PatientKeyVersion } from '@carechain/crypto';
import type { PatientKeyTable } from '@carechain/patient-keys';
import { ClaimsError, ClaimsErrorCode } from './claims.error';

export type PatientKeys = Pick<PatientKeyTable, 'awaitCurrent' | 'version' | 'isShredded'>;

export type SealedPart = 'coverage' | 'claim' | 'response' | 'payment' | 'appeal';

const contextOf = (patientId: string, ownerId: string, part: SealedPart) => ({ patientId, ownerId, part });

export class ClaimVault {
  constructor(
    private readonly keys: PatientKeys,
    /** How long to wait for a patient's keys to reach this instance. */
    private readonly keyWaitMs: number,
  ) {}

  /** Seals under the patient's current key; `ownerId` is the claim's or coverage's id. */
  async seal(patientId: string, ownerId: string, part: SealedPart, value: unknown): Promise<SealedPayload> {
    return sealJson(await this.key(patientId), value, contextOf(patientId, ownerId, part));
  }

  /** Opens what `seal` sealed (under whichever key version it names). */
  async open<T>(patientId: string, ownerId: string, part: SealedPart, sealed: SealedPayload): Promise<T> {
    return openJson<T>(await this.key(patientId, sealed.keyVersion), sealed, contextOf(patientId, ownerId, part));
  }

  /** The patient's key (a given version, or the current one), waiting briefly for it to arrive. */
  async key(patientId: string, version?: number): Promise<PatientKeyVersion> {
    if (this.keys.isShredded(patientId)) throw erased(patientId);
    const known = version === undefined ? undefined : this.keys.version(patientId, version);
    if (known) return known;
    try {
      const current = await this.keys.awaitCurrent(patientId, this.keyWaitMs);
      const key = version === undefined ? current : this.keys.version(patientId, version);
      if (key) return key;
    } catch (err) {
      if (!(err instanceof CryptoError)) throw err;
      if (err.code === CryptoErrorCode.KeyShredded) throw erased(patientId);
    }
    throw new ClaimsError(ClaimsErrorCode.KeysUnavailable, `the keys of patient ${patientId} have not reached this instance`);
  }
}

function erased(patientId: string): ClaimsError {
  return new ClaimsError(ClaimsErrorCode.PatientErased, `patient ${patientId} was erased`);
}
