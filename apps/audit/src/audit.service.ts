import { REDIS, startService, type Redis } from '@carechain/runtime';
import { AuditTrailReader, auditTrailProjection, receiptProjection } from '@carechain/audit-domain';
import { AuditController } from './audit.controller';

export function start() {
  return startService({
    name: 'audit',
    description: 'The audit trail: who did what to whose data, when, and under which consent.',
    defaultPort: 3006,
    projections: [auditTrailProjection, receiptProjection],
    controllers: [AuditController],
    providers: [{ provide: AuditTrailReader, useFactory: (r: Redis) => new AuditTrailReader(r), inject: [REDIS] }],
  });
}
