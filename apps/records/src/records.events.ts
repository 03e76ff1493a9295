// Binds the records service's state to its topics: the patient keys, the patient
// registry, its own copy of the grants, what claims disclose to payers (their
// documenting records, for payers' reads for payment), and the records read model.
// The replicas are caught up before the read model starts: it skips erased patients
// with the registry.
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { GRANT_REPLICA_EVENTS, GrantReplica } from '@carechain/consent-decision';
import { Topics } from '@carechain/contracts';
import type { ConsumedRecord, ReplicatedRecord } from '@carechain/messaging';
import { PATIENT_KEY_EVENTS, PatientKeyTable } from '@carechain/patient-keys';
import { PATIENT_REGISTRY_EVENTS, PatientRegistry } from '@carechain/patient-registry';
import type { ProjectionCommand } from '@carechain/read-model';
import {
  CLAIM_DISCLOSURE_EVENTS,
  ClaimDisclosuresReplica,
  RECORDS_PROJECTION_EVENTS,
  RECORDS_READ_MODEL,
  RECORDS_READ_MODEL_GROUP,
  recordsProjection,
} from '@carechain/records-domain';
import { projection, replica } from '@carechain/runtime';

@Controller()
export class RecordsEvents {
  private readonly records = recordsProjection({ isErased: (patientId) => this.patients.get(patientId)?.erased === true });

  constructor(
    private readonly keys: PatientKeyTable,
    private readonly patients: PatientRegistry,
    private readonly grants: GrantReplica,
    private readonly claims: ClaimDisclosuresReplica,
  ) {}

  @EventPattern([Topics.identityKeys], replica('carechain.records.keys', PATIENT_KEY_EVENTS))
  patientKeys(record: ReplicatedRecord): Promise<void> {
    return this.keys.apply(record);
  }

  @EventPattern([Topics.identityPatient], replica('carechain.records.patients', PATIENT_REGISTRY_EVENTS))
  patientRegistry(record: ReplicatedRecord): void {
    this.patients.apply(record);
  }

  @EventPattern([Topics.consentGrant, Topics.identityPatient], replica('carechain.records.grants', GRANT_REPLICA_EVENTS))
  grantBook(record: ReplicatedRecord): void {
    this.grants.apply(record);
  }

  @EventPattern([Topics.claimsClaim, Topics.identityPatient], replica('carechain.records.claims', CLAIM_DISCLOSURE_EVENTS))
  claimDisclosures(record: ReplicatedRecord): void {
    this.claims.apply(record);
  }

  @EventPattern(
    [Topics.recordsRecord, Topics.identityPatient],
    projection({ name: RECORDS_READ_MODEL, consumerGroup: RECORDS_READ_MODEL_GROUP, eventTypes: RECORDS_PROJECTION_EVENTS }),
  )
  readModel(record: ConsumedRecord): readonly ProjectionCommand[] {
    return this.records.apply(record);
  }
}
