import type { EventPublisher } from '@carechain/messaging';
import { SERVICE_CATALOGUE } from '@carechain/contracts';
import { AnchoringHandler, ConsentRegistrationHandler, PatientSaltProvider, RedisIntentStore } from '@carechain/ledger-anchoring';
import { FabricConsentLedger, FabricGatewayAnchor } from '@carechain/ledger-fabric';
import { StaticSaltProvider } from '@carechain/ledger-merkle';
import { openKms, PatientKeyTable } from '@carechain/patient-keys';
import { EVENT_PUBLISHER, LOGGER, REDIS, startService, type Redis, type ServiceDefinition } from '@carechain/runtime';
import type { Logger } from '@carechain/telemetry';
import { fabricConnectionOf, ledgerWriterConfig } from './ledger-writer.config';
import { LEDGER_CONNECTIONS, ledgerWriterEvents } from './ledger-writer.events';

export const ledgerWriterService: ServiceDefinition<typeof ledgerWriterConfig> = {
  name: 'ledger-writer',
  description: 'The only Fabric client: Merkle-batched anchoring of every domain event with a receipt per event, and consent state on the chain.',
  defaultPort: SERVICE_CATALOGUE['ledger-writer'].defaultPort,
  config: ledgerWriterConfig,
  async parts(settings) {
    const config = { ...settings, fabric: fabricConnectionOf(settings) };
    const keys = new PatientKeyTable(await openKms(config));
    const ledger = new FabricGatewayAnchor(config.fabric);
    const consentLedger = new FabricConsentLedger(config.fabric);
    const serviceSalt = new StaticSaltProvider(Buffer.from(config.LEDGER_COMMITMENT_KEY, 'hex'), config.LEDGER_COMMITMENT_KEY_VERSION);
    const salts = new PatientSaltProvider(keys, serviceSalt);
    const events = ledgerWriterEvents({
      topics: config.LEDGER_TOPICS,
      consumer: { minBatchBytes: config.LEDGER_BATCH_MIN_BYTES, maxWaitMs: config.LEDGER_BATCH_MAX_WAIT_MS, maxBatchBytes: config.LEDGER_MAX_BACKLOG_BYTES },
    });
    return {
      controllers: [events],
      providers: [
        { provide: PatientKeyTable, useValue: keys },
        { provide: LEDGER_CONNECTIONS, useValue: [ledger, consentLedger] },
        {
          provide: AnchoringHandler,
          // The intents are the handler's narrow store port; the receipts go through the publisher port.
          useFactory: (redis: Redis, publisher: EventPublisher, logger: Logger) =>
            new AnchoringHandler(ledger, salts, new RedisIntentStore(redis), publisher, logger.child({ processor: 'anchoring' }), {
              maxEvents: config.LEDGER_BATCH_MAX_EVENTS,
            }),
          inject: [REDIS, EVENT_PUBLISHER, LOGGER],
        },
        {
          provide: ConsentRegistrationHandler,
          useFactory: (logger: Logger) => new ConsentRegistrationHandler(consentLedger, keys, logger.child({ processor: 'consent-registry' })),
          inject: [LOGGER],
        },
      ],
    };
  },
};

export function start() {
  return startService(ledgerWriterService);
}
