// The per-patient CommitmentSaltProvider: an event about a patient is committed
// under that patient's salt (current version), so erasing the patient's keys makes
// their on-chain commitments unlinkable for good. Events without a patient, or about
// a patient already erased (e.g. PatientErased itself, which holds no PHI), use the
// service key. A patient's keys are published before their first event, but this
// process reads the two topics separately: it waits a moment for the keys to arrive.
import { type CommitmentSalt, type CommitmentSaltProvider } from '@carechain/ledger-merkle';
import type { PatientKeyTable } from '@carechain/patient-keys';

/** Enough for the key replica to catch up with a just-published key on a healthy broker. */
const KEY_ARRIVAL_WAIT_MS = 3_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function patientSaltVersion(version: number): string {
  return `patient:v${version}`;
}

/** The patient key version a salt version names, or undefined for the service key's. */
export function patientSaltVersionOf(saltVersion: string): number | undefined {
  const m = /^patient:v(\d+)$/.exec(saltVersion);
  return m ? Number(m[1]) : undefined;
}

/** Subjects that had no keys after the wait: not patients (e.g. a claim id). Remembered so later batches do not wait again. */
const NOT_A_PATIENT_MEMORY = 10_000;

export class PatientSaltProvider implements CommitmentSaltProvider {
  private readonly notPatients = new Set<string>();

  constructor(
    private readonly keys: PatientKeyTable,
    private readonly fallback: CommitmentSaltProvider,
    private readonly waitMs = KEY_ARRIVAL_WAIT_MS,
  ) {}

  async saltFor(subject: string | undefined): Promise<CommitmentSalt> {
    if (subject === undefined || !UUID.test(subject) || this.keys.isShredded(subject)) return this.fallback.saltFor(subject);
    const known = this.keys.current(subject);
    if (!known && this.notPatients.has(subject)) return this.fallback.saltFor(subject);
    try {
      const key = known ?? (await this.keys.awaitCurrent(subject, this.waitMs));
      return { salt: Buffer.from(key.salt), keyVersion: patientSaltVersion(key.version) };
    } catch {
      if (this.notPatients.size >= NOT_A_PATIENT_MEMORY) this.notPatients.clear();
      this.notPatients.add(subject);
      return this.fallback.saltFor(subject);
    }
  }
}
