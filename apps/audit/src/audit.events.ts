// Binds the audit service's state to its topics: the patient registry (who is
// responsible for each patient, so oversight is scoped to its own organisation's
// patients), the audit trail and receipt read models, and the access alerts.
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { ConsumerGroups, Topics } from '@carechain/contracts';
import { AccessAlertHandler, auditTrailProjection, receiptProjection } from '@carechain/audit-domain';
import type { ConsumedRecord, RecordBatch, ReplicatedRecord } from '@carechain/messaging';
import { PATIENT_REGISTRY_EVENTS, PatientRegistry } from '@carechain/patient-registry';
import type { ProjectionCommand } from '@carechain/read-model';
import { processor, projection, replica } from '@carechain/runtime';

@Controller()
export class AuditEvents {
  constructor(
    private readonly patients: PatientRegistry,
    private readonly alerts: AccessAlertHandler,
  ) {}

  @EventPattern([Topics.identityPatient], replica('carechain.audit.patients', PATIENT_REGISTRY_EVENTS))
  patientRegistry(record: ReplicatedRecord): void {
    this.patients.apply(record);
  }

  @EventPattern([...auditTrailProjection.topics], projection(auditTrailProjection))
  auditTrail(record: ConsumedRecord): readonly ProjectionCommand[] {
    return auditTrailProjection.apply(record);
  }

  @EventPattern([...receiptProjection.topics], projection(receiptProjection))
  receipts(record: ConsumedRecord): readonly ProjectionCommand[] {
    return receiptProjection.apply(record);
  }

  @EventPattern([Topics.recordsAccess], processor('access-alerts', ConsumerGroups.auditAlerts))
  accessAlerts(batch: RecordBatch): Promise<void> {
    return this.alerts.handle(batch);
  }
}
