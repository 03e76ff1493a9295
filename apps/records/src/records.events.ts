// Binds the records service's state to its topics: the patient keys, the patient
// registry, its own copy of the grants, what claims disclose to payers (their
// documenting records, for payers' reads for payment), and the records read model.
// The replicas are caught up before the read model starts: it skips erased patients
// with the registry.
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { GrantReplica } from '@carechain/consent-decision';
import { Topics } from '@carechain/contracts';
import type { ConsumedRecord, ReplicatedRecord } from '@carechain/messaging';
import { PatientKeyTable } from '@carechain/patient-keys';
import { PatientRegistry } from '@carechain/patient-registry';
import type { ProjectionCommand } from '@carechain/read-model';
import { ClaimDisclosuresReplica, RECORDS_READ_MODEL, RECORDS_READ_MODEL_GROUP, recordsProjection } from '@carechain/records-domain';
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

  @EventPattern([Topics.identityKeys], replica('carechain.records.keys'))
  patientKeys(record: ReplicatedRecord): Promise<void> {
    return this.keys.apply(record);
  }

  @EventPattern([Topics.identityPatient], replica('carechain.records.patients'))
  patientRegistry(record: ReplicatedRecord): void {
    this.patients.apply(record);
  }

  @EventPattern([Topics.consentGrant, Topics.identityPatient], replica('carechain.records.grants'))
  grantBook(record: ReplicatedRecord): void {
    this.grants.apply(record);
  }

  @EventPattern([Topics.claimsClaim, Topics.identityPatient], replica('carechain.records.claims'))
  claimDisclosures(record: ReplicatedRecord): void {
    this.claims.apply(record);
  }

  @EventPattern([Topics.recordsRecord, Topics.identityPatient], projection({ name: RECORDS_READ_MODEL, consumerGroup: RECORDS_READ_MODEL_GROUP }))
  readModel(record: ConsumedRecord): readonly ProjectionCommand[] {
    return this.records.apply(record);
  }
}
