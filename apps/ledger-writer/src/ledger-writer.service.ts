import { ConsumerGroups, Topics } from '@carechain/contracts';
import { AnchoringHandler, ConsentRegistrationHandler, PatientSaltProvider, RedisIntentStore } from '@carechain/ledger-anchoring';
import { FabricConsentLedger, FabricGatewayAnchor } from '@carechain/ledger-fabric';
import { StaticSaltProvider } from '@carechain/ledger-merkle';
import { openKms, PatientKeyTable } from '@carechain/patient-keys';
import { startService } from '@carechain/runtime';
import { readLedgerWriterConfig } from './ledger-writer.config';

export async function start() {
  let config: ReturnType<typeof readLedgerWriterConfig>;
  try {
    config = readLedgerWriterConfig();
  } catch (err) {
    process.stderr.write(`ledger-writer: ${(err as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
  const keys = new PatientKeyTable(await openKms(config));
  return startService({
    name: 'ledger-writer',
    description: 'The only Fabric client: Merkle-batched anchoring of every domain event with a receipt per event, and consent state on the chain.',
    defaultPort: 3005,
    replicas: [{ name: 'carechain.ledger-writer.keys', topics: [Topics.identityKeys], handler: keys }],
    processors: [
      {
        name: 'anchoring',
        groupId: ConsumerGroups.ledgerWriter,
        topics: config.LEDGER_TOPICS,
        consumer: { minBatchBytes: config.LEDGER_BATCH_MIN_BYTES, maxWaitMs: config.LEDGER_BATCH_MAX_WAIT_MS, maxBatchBytes: config.LEDGER_MAX_BACKLOG_BYTES },
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
  });
}
