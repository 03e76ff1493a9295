// ledger-writer's own settings, on top of every service's (read once at start).
import { z } from 'zod';
import { ANCHORED_TOPICS, MAX_RECEIPT_EVENTS } from '@carechain/contracts';
import { bool, ConfigError, csv, list, positiveInt, secret } from '@carechain/config';
import { commitmentKeyConfigShape } from '@carechain/ledger-anchoring';
import { fabricConnectionFromNetworkFile, type FabricConnection } from '@carechain/ledger-fabric';
import { kmsConfigShape } from '@carechain/patient-keys';

export const ledgerWriterConfig = {
  ...kmsConfigShape,
  /** Topics to anchor; a new domain topic joins here, not in code. */
  LEDGER_TOPICS: csv(ANCHORED_TOPICS.join(',')),
  /** Events per Merkle batch, i.e. per Fabric transaction; at most MAX_RECEIPT_EVENTS, as a batch's receipt is one Kafka message. */
  LEDGER_BATCH_MAX_EVENTS: positiveInt(2000).pipe(z.number().max(MAX_RECEIPT_EVENTS)),
  /** The longest an event waits for its batch to fill before it is anchored anyway. */
  LEDGER_BATCH_MAX_WAIT_MS: positiveInt(250),
  /** A batch is cut early once this many bytes of events are waiting (the broker's fetch.min.bytes). */
  LEDGER_BATCH_MIN_BYTES: positiveInt(512 * 1024),
  /** The backlog bound: what one partition's fetch may hold while Fabric is away (fetch.max.bytes per partition). */
  LEDGER_MAX_BACKLOG_BYTES: positiveInt(4 * 1024 * 1024),
  /** Merkle batches of one partition's fetch awaiting their Fabric commit at once (a commit takes a block's time). */
  LEDGER_ANCHOR_MAX_IN_FLIGHT: positiveInt(4),
  /** Partitions anchored at once (each with up to LEDGER_ANCHOR_MAX_IN_FLIGHT batches in flight). */
  LEDGER_ANCHOR_PARTITIONS: positiveInt(6),
  /** How long a claim submission waits for the receipts of the record events documenting it (written by this instance's anchoring). */
  LEDGER_CLAIM_DOCUMENTATION_WAIT_MS: positiveInt(5000),
  /** ApplyTransitions transactions of one consumed batch awaiting their commit at once (a commit takes a block's time). */
  LEDGER_CLAIM_MAX_IN_FLIGHT: positiveInt(4),
  ...commitmentKeyConfigShape,
  /** Devnet: the network description written by tools/devnet/fabric.ts, and which org to act as. */
  FABRIC_NETWORK_FILE: z.string().optional(),
  FABRIC_ORG: z.enum(['ProviderOrg', 'PayerOrg']).default('ProviderOrg'),
  /** Production: the peer and identity, one by one. */
  FABRIC_PEER_ENDPOINT: z.string().optional(),
  FABRIC_PEER_TLS_CA: z.string().optional(),
  FABRIC_PEER_HOST_OVERRIDE: z.string().optional(),
  FABRIC_MSP_ID: z.string().optional(),
  FABRIC_CERT: z.string().optional(),
  FABRIC_KEY: secret(z.string().optional()),
  /** Tests only (never set by the Helm chart): allows the fault settings below. */
  LEDGER_TEST_MODE: bool(false),
  /** Tests only: event ids left out of anchoring, for the completeness monitor to find. Refused without LEDGER_TEST_MODE and a devnet. */
  LEDGER_TEST_SKIP_EVENT_IDS: list(),
  /** Tests only: event ids anchored with a leaf that is not their record's, for the monitor's recomputation to find. Refused likewise. */
  LEDGER_TEST_FORGE_EVENT_IDS: list(),
  FABRIC_CHANNEL: z.string().default('carechain'),
  FABRIC_CHAINCODE: z.string().default('carechain'),
} as const;

type LedgerWriterSettings = Readonly<z.infer<z.ZodObject<typeof ledgerWriterConfig>>>;

/** The peer and identity to act as, from the network file or the variables one by one; throws ConfigError naming what is missing. */
export function fabricConnectionOf(c: LedgerWriterSettings): FabricConnection {
  let fabric: FabricConnection;
  if (c.FABRIC_NETWORK_FILE) {
    const fromFile = fabricConnectionFromNetworkFile(c.FABRIC_NETWORK_FILE, c.FABRIC_ORG);
    if (!fromFile) throw new ConfigError([`FABRIC_ORG=${c.FABRIC_ORG}: not an organisation of ${c.FABRIC_NETWORK_FILE}`]);
    fabric = fromFile;
  } else {
    const missing = (['FABRIC_PEER_ENDPOINT', 'FABRIC_PEER_TLS_CA', 'FABRIC_MSP_ID', 'FABRIC_CERT', 'FABRIC_KEY'] as const).filter((k) => !c[k]);
    if (missing.length > 0) throw new ConfigError(missing.map((k) => `${k} is required (or FABRIC_NETWORK_FILE for the devnet)`));
    fabric = {
      peerEndpoint: c.FABRIC_PEER_ENDPOINT!,
      tlsCaCertPath: c.FABRIC_PEER_TLS_CA!,
      ...(c.FABRIC_PEER_HOST_OVERRIDE && { hostOverride: c.FABRIC_PEER_HOST_OVERRIDE }),
      mspId: c.FABRIC_MSP_ID!,
      certPath: c.FABRIC_CERT!,
      keyPath: c.FABRIC_KEY!,
      channel: c.FABRIC_CHANNEL,
      chaincode: c.FABRIC_CHAINCODE,
    };
  }
  return fabric;
}
