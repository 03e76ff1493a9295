import type { EventPublisher } from '@carechain/messaging';
import { SERVICE_CATALOGUE } from '@carechain/contracts';
import { PatientRegistry } from '@carechain/patient-registry';
import { EVENT_PUBLISHER, REDIS, startService, type Redis, type ServiceDefinition, type ServiceHttp } from '@carechain/runtime';
import {
  AccessAlertHandler,
  AccessAlertRules,
  AuditOversight,
  RedisAlertWindowStore,
  ReadAccessReportUseCase,
  ReadAuditTrailUseCase,
  ReadDisclosuresUseCase,
  RedisAuditTrailStore,
  SearchAuditEventsUseCase,
  HttpExportSources,
  PatientExportUseCase,
  RedisExportStore,
} from '@carechain/audit-domain';
import { ExportController } from './export.controller';
import { serviceCredentialsOf } from './service-credentials.config';
import { AuditEventController } from './audit-event.controller';
import { AuditEvents } from './audit.events';
import { alertThresholds, auditConfigShape, exportSourceUrls } from './audit.config';
import { LedgerMonitorController } from './monitor/ledger-monitor.controller';
import { ledgerMonitorParts } from './monitor/ledger-monitor.parts';
import { AuditController } from './audit.controller';
import { AUDIT_PROBLEMS } from './audit.problems';
import { PatientAuditController } from './patient-audit.controller';

/** What audit answers over HTTP (its OpenAPI document, checked by audit.openapi.spec.ts). */
export const AUDIT_HTTP: ServiceHttp = {
  controllers: [AuditController, PatientAuditController, AuditEventController, LedgerMonitorController, ExportController],
  problems: [AUDIT_PROBLEMS],
};

export const auditService: ServiceDefinition<typeof auditConfigShape> = {
  name: 'audit',
  description: 'The audit trail: who did what to whose data, when, and under which consent; accounting of disclosures.',
  defaultPort: SERVICE_CATALOGUE.audit.defaultPort,
  config: auditConfigShape,
  parts(settings, logger) {
    // Exports need both where to ask and who to ask as; read at boot so a half-configured deployment fails to start.
    const urls = exportSourceUrls(settings);
    const credentials = serviceCredentialsOf(settings);
    // Who is responsible for each patient (custodians, merges), so oversight is scoped to its own organisation's patients.
    const patients = new PatientRegistry();
    const oversight = new AuditOversight(patients);
    const monitor = ledgerMonitorParts(settings);
    return {
      problems: AUDIT_HTTP.problems,
      controllers: [AuditEvents, ...AUDIT_HTTP.controllers, ...monitor.controllers],
      providers: [
        ...monitor.providers,
        { provide: PatientRegistry, useValue: patients },
        {
          provide: AccessAlertHandler,
          useFactory: (redis: Redis, publisher: EventPublisher) =>
            new AccessAlertHandler(new AccessAlertRules(new RedisAlertWindowStore(redis), alertThresholds(settings)), publisher),
          inject: [REDIS, EVENT_PUBLISHER],
        },
        { provide: RedisAuditTrailStore, useFactory: (r: Redis) => new RedisAuditTrailStore(r), inject: [REDIS] },
        { provide: ReadAuditTrailUseCase, useFactory: (s: RedisAuditTrailStore) => new ReadAuditTrailUseCase(s, oversight), inject: [RedisAuditTrailStore] },
        {
          provide: ReadAccessReportUseCase,
          useFactory: (s: RedisAuditTrailStore) => new ReadAccessReportUseCase(s, oversight, () => new Date()),
          inject: [RedisAuditTrailStore],
        },
        { provide: SearchAuditEventsUseCase, useFactory: (t: ReadAuditTrailUseCase) => new SearchAuditEventsUseCase(t), inject: [ReadAuditTrailUseCase] },
        {
          provide: PatientExportUseCase,
          useFactory: (s: RedisAuditTrailStore, redis: Redis, publisher: EventPublisher) =>
            new PatientExportUseCase({
              store: new RedisExportStore(redis),
              publisher,
              trail: s,
              oversight,
              standing: (id) => {
                const p = patients.resolve(id);
                return p === undefined ? 'unknown' : p.erased ? 'erased' : 'known';
              },
              ...(urls && { sources: new HttpExportSources(urls, settings.AUDIT_EXPORT_TIMEOUT_MS) }),
              ...(credentials && { credentials }),
              ttlSeconds: settings.AUDIT_EXPORT_TTL_SECONDS,
              onFailure: (exportId, err) => logger.warn({ exportId, err: err instanceof Error ? err.message : String(err) }, 'export failed'),
            }),
          inject: [RedisAuditTrailStore, REDIS, EVENT_PUBLISHER],
        },
        {
          provide: ReadDisclosuresUseCase,
          useFactory: (s: RedisAuditTrailStore) => new ReadDisclosuresUseCase(s, oversight, { years: settings.AUDIT_DISCLOSURE_YEARS, now: () => new Date() }),
          inject: [RedisAuditTrailStore],
        },
      ],
    };
  },
};

export function start() {
  return startService(auditService);
}
