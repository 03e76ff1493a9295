// Every read and write of a record is decided here, in process, by the pure
// decide() over the patient registry and records' own copy of the grants.
import type { PurposeOfUse, RecordCategory } from '@carechain/contracts';
import { decide, groupGrants, recordDecision, requesterOf, type Decision, type Grant } from '@carechain/consent-decision';
import { secondsSince } from '@carechain/telemetry';
import type { RegisteredPatient } from '@carechain/patient-registry';
import type { PatientDirectory } from './patient-lookup';
import type { Requester } from './requester';

/** The patient's grants: the service's GrantReplica, or any GrantBook in a spec. */
export interface GrantSource {
  forPatient(patientId: string): readonly Grant[];
}

export class ConsentGate {
  constructor(
    private readonly grants: GrantSource,
    private readonly directory: Pick<PatientDirectory, 'mergedInto'>,
    private readonly now: () => Date,
  ) {}

  decide(
    patient: RegisteredPatient,
    requester: Requester,
    categories: readonly RecordCategory[],
    purpose: PurposeOfUse,
    breakGlassReason?: string,
    claimIds: readonly string[] = [],
  ): Decision<RecordCategory> {
    // Patients merged into this one are the same person: their grants and ids count too.
    const aliases = this.directory.mergedInto(patient.patientId);
    const started = performance.now();
    const decision = decide(
      {
        patientId: patient.patientId,
        requester: requesterOf(requester),
        categories,
        purpose,
        at: this.now(),
        ...(breakGlassReason !== undefined && { breakGlass: { reason: breakGlassReason } }),
        ...(claimIds.length > 0 && { claimIds }),
      },
      {
        patientId: patient.patientId,
        custodian: patient.custodian,
        erased: patient.erased,
        aliases,
      },
      groupGrants(patient.patientId, aliases, (id) => this.grants.forPatient(id)),
    );
    recordDecision(decision, secondsSince(started));
    return decision;
  }
}
