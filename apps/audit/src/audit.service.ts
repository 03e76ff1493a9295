import { Topics } from '@carechain/contracts';
import { PatientRegistry } from '@carechain/patient-registry';
import { REDIS, startService, type Redis, type ServiceDefinition } from '@carechain/runtime';
import { AuditTrailReader, auditTrailProjection, ReadAuditTrailUseCase, receiptProjection } from '@carechain/audit-domain';
import { AuditController } from './audit.controller';
import { AUDIT_PROBLEMS } from './audit.problems';

export const auditService: ServiceDefinition = {
  name: 'audit',
  description: 'The audit trail: who did what to whose data, when, and under which consent.',
  defaultPort: 3006,
  parts() {
    // Who is responsible for each patient (custodians, merges), so oversight is scoped to its own organisation's patients.
    const patients = new PatientRegistry();
    return {
      projections: [auditTrailProjection, receiptProjection],
      replicas: [{ name: 'carechain.audit.patients', topics: [Topics.identityPatient], handler: patients }],
      problems: [AUDIT_PROBLEMS],
      controllers: [AuditController],
      providers: [{ provide: ReadAuditTrailUseCase, useFactory: (r: Redis) => new ReadAuditTrailUseCase(new AuditTrailReader(r), patients), inject: [REDIS] }],
    };
  },
};

export function start() {
  return startService(auditService);
}
