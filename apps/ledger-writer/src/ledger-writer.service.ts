import { ConsumerGroups } from '@carechain/contracts';
import { AnchoringHandler, FabricGatewayAnchor, RedisIntentStore } from '@carechain/ledger-anchoring';
import { StaticSaltProvider } from '@carechain/ledger-merkle';
import { startService } from '@carechain/runtime';
import { readLedgerWriterConfig } from './ledger-writer.config';

export function start() {
  let config: ReturnType<typeof readLedgerWriterConfig>;
  try {
    config = readLedgerWriterConfig();
  } catch (err) {
    process.stderr.write(`ledger-writer: ${(err as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
  return startService({
    name: 'ledger-writer',
    description: 'The only Fabric client: Merkle-batched anchoring of every domain event, with a receipt per event.',
    defaultPort: 3005,
    processors: [
      {
        name: 'anchoring',
        groupId: ConsumerGroups.ledgerWriter,
        topics: config.LEDGER_TOPICS,
        consumer: { minBatchBytes: config.LEDGER_BATCH_MIN_BYTES, maxWaitMs: config.LEDGER_BATCH_MAX_WAIT_MS, maxBatchBytes: config.LEDGER_MAX_BACKLOG_BYTES },
        create: ({ publisher, redis, logger }) => {
          const ledger = new FabricGatewayAnchor(config.fabric);
          const salts = new StaticSaltProvider(Buffer.from(config.LEDGER_COMMITMENT_KEY, 'hex'), config.LEDGER_COMMITMENT_KEY_VERSION);
          const handler = new AnchoringHandler(ledger, salts, new RedisIntentStore(redis), publisher, logger, { maxEvents: config.LEDGER_BATCH_MAX_EVENTS });
          return { handler, probes: [{ name: 'fabric', check: () => handler.isLedgerReachable() }], close: () => ledger.close() };
        },
      },
    ],
  });
}
