// The patient a request names, from the registry replica. A patient registered a
// moment ago may not have reached this instance's replica yet, so an unknown id is
// looked up again once the replica reached the patient topic's end as it was when
// asked (for a short while at most) before it counts as unknown.
import { Topics } from '@carechain/contracts';
import type { ReplicaProgress } from '@carechain/messaging';
import type { RegisteredPatient } from '@carechain/patient-registry';
import { patientErased, RecordsError, RecordsErrorCode } from './records.error';

export interface PatientDirectory {
  get(patientId: string): RegisteredPatient | undefined;
  /** Follows merges to the surviving patient. */
  resolve(patientId: string): RegisteredPatient | undefined;
  /** The patients merged into this one, recursively. */
  mergedInto(survivorId: string): string[];
}

export class PatientLookup {
  constructor(
    private readonly directory: PatientDirectory,
    private readonly replicas: Pick<ReplicaProgress, 'caughtUpToEnd'>,
    private readonly waitMs: number,
  ) {}

  /** The patient, erased or not; throws PatientNotFound. */
  async find(patientId: string): Promise<RegisteredPatient> {
    const patient = this.directory.get(patientId) ?? (await this.arrived(patientId));
    if (patient === undefined) throw new RecordsError(RecordsErrorCode.PatientNotFound, `no patient ${patientId}`);
    return patient;
  }

  private async arrived(patientId: string): Promise<RegisteredPatient | undefined> {
    await this.replicas.caughtUpToEnd([Topics.identityPatient], this.waitMs);
    return this.directory.get(patientId);
  }

  /**
   * The patient whose custodian and grants govern reads of this one's records: itself,
   * or the survivor it was merged into.
   */
  survivorOf(patient: RegisteredPatient): RegisteredPatient {
    return this.directory.resolve(patient.patientId) ?? patient;
  }

  /** A survivor and every patient merged into it: whose records a search of the survivor covers. */
  group(survivorId: string): string[] {
    return [survivorId, ...this.directory.mergedInto(survivorId)];
  }

  /** A patient records may be filed under: known, not erased, not merged away. */
  async forWrite(patientId: string): Promise<RegisteredPatient> {
    const patient = await this.find(patientId);
    if (patient.erased) throw patientErased(patientId);
    if (patient.mergedInto !== undefined) {
      throw new RecordsError(RecordsErrorCode.PatientMerged, `patient ${patientId} was merged into ${patient.mergedInto}: write to the survivor`, {
        survivorId: patient.mergedInto,
      });
    }
    return patient;
  }
}
