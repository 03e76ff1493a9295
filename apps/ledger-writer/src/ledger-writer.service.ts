import { ConsumerGroups, SERVICE_CATALOGUE, Topics } from '@carechain/contracts';
import { AnchoringHandler, ConsentRegistrationHandler, PatientSaltProvider, RedisIntentStore } from '@carechain/ledger-anchoring';
import { FabricConsentLedger, FabricGatewayAnchor } from '@carechain/ledger-fabric';
import { StaticSaltProvider } from '@carechain/ledger-merkle';
import { openKms, PatientKeyTable } from '@carechain/patient-keys';
import { startService, type ServiceDefinition } from '@carechain/runtime';
import { fabricConnectionOf, ledgerWriterConfig } from './ledger-writer.config';

export const ledgerWriterService: ServiceDefinition<typeof ledgerWriterConfig> = {
  name: 'ledger-writer',
  description: 'The only Fabric client: Merkle-batched anchoring of every domain event with a receipt per event, and consent state on the chain.',
  defaultPort: SERVICE_CATALOGUE['ledger-writer'].defaultPort,
  config: ledgerWriterConfig,
  async parts(settings) {
    const config = { ...settings, fabric: fabricConnectionOf(settings) };
    const keys = new PatientKeyTable(await openKms(config));
    return {
      replicas: [{ name: 'carechain.ledger-writer.keys', topics: [Topics.identityKeys], handler: keys }],
      processors: [
        {
          name: 'anchoring',
          groupId: ConsumerGroups.ledgerWriter,
          topics: config.LEDGER_TOPICS,
          consumer: {
            minBatchBytes: config.LEDGER_BATCH_MIN_BYTES,
            maxWaitMs: config.LEDGER_BATCH_MAX_WAIT_MS,
            maxBatchBytes: config.LEDGER_MAX_BACKLOG_BYTES,
          },
          create: ({ publisher, redis, logger }) => {
            const ledger = new FabricGatewayAnchor(config.fabric);
            const serviceSalt = new StaticSaltProvider(Buffer.from(config.LEDGER_COMMITMENT_KEY, 'hex'), config.LEDGER_COMMITMENT_KEY_VERSION);
            const salts = new PatientSaltProvider(keys, serviceSalt);
            const handler = new AnchoringHandler(ledger, salts, new RedisIntentStore(redis), publisher, logger, { maxEvents: config.LEDGER_BATCH_MAX_EVENTS });
            return { handler, probes: [{ name: 'fabric', check: () => handler.isLedgerReachable() }], close: () => ledger.close() };
          },
        },
        {
          name: 'consent-registry',
          groupId: ConsumerGroups.ledgerWriterConsent,
          topics: [Topics.consentGrant],
          create: ({ logger }) => {
            const ledger = new FabricConsentLedger(config.fabric);
            return { handler: new ConsentRegistrationHandler(ledger, keys, logger), close: () => ledger.close() };
          },
        },
      ],
    };
  },
};

export function start() {
  return startService(ledgerWriterService);
}
