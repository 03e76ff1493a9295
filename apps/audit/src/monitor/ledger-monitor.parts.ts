// The completeness monitor's part of audit (its HTTP controller is one of audit's
// always, answering `enabled: false` without peers): with AUDIT_MONITOR_NETWORK_FILE a feed per
// organisation named there, the replica of the anchored topics and the runner, and the
// commitment salts (the patients' keys unwrapped with the KMS, the service key) that
// sampled events' leaves are recomputed under: both are then required.
import type { Provider, Type } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { CompletenessMonitor, RedisAuditTrailStore } from '@carechain/audit-domain';
import { ConfigError } from '@carechain/config';
import { CommittedSaltSource, serviceSaltOf } from '@carechain/ledger-anchoring';
import { FabricBatchFeed, fabricConnectionFromNetworkFile, organisationsOfNetworkFile } from '@carechain/ledger-fabric';
import { openKms, PatientKeyTable } from '@carechain/patient-keys';
import type { EventPublisher } from '@carechain/messaging';
import { EVENT_PUBLISHER, KAFKA, LOGGER } from '@carechain/runtime';
import type { Logger } from '@carechain/telemetry';
import type { AuditSettings } from '../audit.config';
import { ledgerMonitorEvents } from './ledger-monitor.events';
import { LedgerAlertSink, LedgerMonitorRunner } from './ledger-monitor.runner';

/** Findings kept for GET /audit/monitor (all are counted and alerted). */
const FINDINGS_KEPT = 1000;

export function ledgerMonitorParts(settings: AuditSettings): { controllers: Type<unknown>[]; providers: Provider[] } {
  const file = settings.AUDIT_MONITOR_NETWORK_FILE;
  if (!file) return { controllers: [], providers: [] };
  const organisations = organisationsOfNetworkFile(file);
  if (organisations.length === 0) throw new ConfigError([`AUDIT_MONITOR_NETWORK_FILE=${file} names no organisation`]);
  const { KMS_KEYRING_FILE, LEDGER_COMMITMENT_KEY } = settings;
  const missing = [
    ...(KMS_KEYRING_FILE ? [] : ['KMS_KEYRING_FILE is required with AUDIT_MONITOR_NETWORK_FILE (the patients’ salts, to recompute sampled leaves)']),
    ...(LEDGER_COMMITMENT_KEY ? [] : ['LEDGER_COMMITMENT_KEY is required with AUDIT_MONITOR_NETWORK_FILE (the service salt, to recompute sampled leaves)']),
  ];
  if (!KMS_KEYRING_FILE || !LEDGER_COMMITMENT_KEY) throw new ConfigError(missing);
  const serviceSalt = serviceSaltOf(LEDGER_COMMITMENT_KEY, settings.LEDGER_COMMITMENT_KEY_VERSION);
  const topics = settings.AUDIT_MONITOR_TOPICS;
  return {
    controllers: [ledgerMonitorEvents(topics)],
    providers: [
      { provide: PatientKeyTable, useFactory: async () => new PatientKeyTable(await openKms({ ...settings, KMS_KEYRING_FILE })) },
      {
        provide: LedgerMonitorRunner,
        useFactory: (store: RedisAuditTrailStore, keys: PatientKeyTable, publisher: EventPublisher, kafka: Kafka, logger: Logger) => {
          const monitor = new CompletenessMonitor(
            {
              topics,
              organisations,
              stallMs: settings.AUDIT_MONITOR_STALL_SECONDS * 1000,
              sampleRate: settings.AUDIT_MONITOR_SAMPLE_RATE,
              sampleSize: settings.AUDIT_MONITOR_SAMPLE_SIZE,
              samplesPerTick: settings.AUDIT_MONITOR_SAMPLES_PER_TICK,
              findingsKept: FINDINGS_KEPT,
            },
            { receipt: async (eventId) => (await store.receipt(eventId))?.receipt },
            new CommittedSaltSource(keys, serviceSalt),
            new LedgerAlertSink(publisher),
          );
          const feeds = organisations.map((organisation) => ({
            organisation,
            feed: new FabricBatchFeed(fabricConnectionFromNetworkFile(file, organisation)!),
          }));
          return new LedgerMonitorRunner(
            monitor,
            feeds,
            kafka,
            { topics, intervalMs: settings.AUDIT_MONITOR_INTERVAL_MS },
            logger.child({ component: 'ledger-monitor' }),
          );
        },
        inject: [RedisAuditTrailStore, PatientKeyTable, EVENT_PUBLISHER, KAFKA, LOGGER],
      },
    ],
  };
}
