// PatientSaltProvider the other way round: given the salt version a receipt names for
// an event's leaf, the salt itself, so that whoever replays the event can recompute
// the leaf (audit's completeness monitor does, for its samples). A patient's salt by
// its version from the key table; the service key when the receipt names its version.
// An erased patient's salt is gone for good: a verdict, not an error.
import type { CommitmentSaltProvider } from '@carechain/ledger-merkle';
import { VerificationFailure, type SaltInput } from '@carechain/ledger-verify';
import type { PatientKeyTable } from '@carechain/patient-keys';
import { patientSaltVersionOf } from './patient-salt.provider';

export class CommittedSaltSource {
  constructor(
    private readonly keys: Pick<PatientKeyTable, 'version' | 'isShredded'>,
    /** The service key (LEDGER_COMMITMENT_KEY): the same for every subject. */
    private readonly service: CommitmentSaltProvider,
  ) {}

  /** The salt `saltVersion` names for an event about `subject`, or why it cannot be had. */
  async saltOf(subject: string | undefined, saltVersion: string): Promise<SaltInput> {
    const patientVersion = patientSaltVersionOf(saltVersion);
    if (patientVersion === undefined) {
      const { salt, keyVersion } = await this.service.saltFor(subject);
      if (keyVersion === saltVersion) return salt;
      return unavailable(`the commitment was made under service key ${saltVersion}, this deployment holds ${keyVersion}`);
    }
    if (subject === undefined) return unavailable(`the commitment names a patient salt (${saltVersion}) but the event has no subject`);
    if (this.keys.isShredded(subject)) {
      return { unavailable: VerificationFailure.SaltShredded, reason: `patient ${subject} was erased: the salt is shredded` };
    }
    const key = this.keys.version(subject, patientVersion);
    return key ? Buffer.from(key.salt) : unavailable(`no key version ${patientVersion} of patient ${subject} (yet)`);
  }
}

function unavailable(reason: string): SaltInput {
  return { unavailable: VerificationFailure.SaltUnavailable, reason };
}
