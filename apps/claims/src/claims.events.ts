// Binds the claims service's state to its topics: the patient keys, the patient
// registry, the records that document billed care, the payers' published plans (over
// those of the file: every instance decides with the same versions), and the claims
// read model. The replicas are caught up before the read model starts: it skips
// erased patients with the registry.
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import {
  BENEFIT_PLAN_EVENTS,
  BenefitPlansReplica,
  ChainVerdictsHandler,
  CLAIMS_PROJECTION_EVENTS,
  CLAIMS_READ_MODEL,
  CLAIMS_READ_MODEL_GROUP,
  claimsProjection,
  DOCUMENTING_RECORD_EVENTS,
  RecordsReplica,
} from '@carechain/claims-domain';
import { ConsumerGroups, Topics } from '@carechain/contracts';
import type { ConsumedRecord, RecordBatch, ReplicatedRecord } from '@carechain/messaging';
import { PATIENT_KEY_EVENTS, PatientKeyTable } from '@carechain/patient-keys';
import { PATIENT_REGISTRY_EVENTS, PatientRegistry } from '@carechain/patient-registry';
import type { ProjectionCommand } from '@carechain/read-model';
import { processor, projection, replica } from '@carechain/runtime';

@Controller()
export class ClaimsEvents {
  private readonly claims = claimsProjection({ isErased: (patientId) => this.patients.get(patientId)?.erased === true });

  constructor(
    private readonly keys: PatientKeyTable,
    private readonly patients: PatientRegistry,
    private readonly records: RecordsReplica,
    private readonly plans: BenefitPlansReplica,
  ) {}

  @EventPattern([Topics.identityKeys], replica('carechain.claims.keys', PATIENT_KEY_EVENTS))
  patientKeys(record: ReplicatedRecord): Promise<void> {
    return this.keys.apply(record);
  }

  @EventPattern([Topics.identityPatient], replica('carechain.claims.patients', PATIENT_REGISTRY_EVENTS))
  patientRegistry(record: ReplicatedRecord): void {
    this.patients.apply(record);
  }

  @EventPattern([Topics.recordsRecord, Topics.identityPatient], replica('carechain.claims.records', DOCUMENTING_RECORD_EVENTS))
  documentingRecords(record: ReplicatedRecord): void | Promise<void> {
    return this.records.apply(record);
  }

  @EventPattern([Topics.claimsClaim], replica('carechain.claims.plans', BENEFIT_PLAN_EVENTS))
  benefitPlans(record: ReplicatedRecord): void | Promise<void> {
    return this.plans.apply(record);
  }

  @EventPattern(
    [Topics.claimsClaim, Topics.identityPatient],
    projection({ name: CLAIMS_READ_MODEL, consumerGroup: CLAIMS_READ_MODEL_GROUP, eventTypes: CLAIMS_PROJECTION_EVENTS }),
  )
  readModel(record: ConsumedRecord): readonly ProjectionCommand[] {
    return this.claims.apply(record);
  }
}

/** The ClaimContract's verdicts (ledger.claim.v1), bound only when claims waits for them (CLAIMS_AWAIT_CHAIN_VERDICT). */
@Controller()
export class ChainVerdictEvents {
  constructor(private readonly verdicts: ChainVerdictsHandler) {}

  @EventPattern([Topics.ledgerClaim], processor('chain-verdicts', ConsumerGroups.claimsChainVerdicts))
  chainVerdicts(batch: RecordBatch): Promise<void> {
    return this.verdicts.handle(batch);
  }
}
