// npm run verify -- <eventId> [--org PayerOrg]
// npm run verify -- --event event.json --receipt receipt.json [--org ProviderOrg]
// npm run verify -- --claim <claimId> [--claim-file committed.json] [--org ProviderOrg]
//
// Proves, against a Fabric peer and without trusting carechain, that an event was
// anchored and has not changed since: recomputes the event's leaf (its HMAC
// commitment — a verifier needs the commitment salt: for an event about a patient,
// that patient's salt, which the patient or the custodian can disclose with
// --salt-hex, or which is unwrapped here from identity.keys.v1 with the devnet's
// KMS keyring; for other events the service key), checks the Merkle inclusion proof, and compares the
// root, size and source range with the batch record read from the chain.
// Prints VERIFIED, or exactly why not, and exits 0 or 1. The checks are the
// library's (@carechain/ledger-verify); docs/verification.md specifies them.
//
// With --claim it reads the claim from the ClaimContract on the chosen peer, checks
// its parties, content and item commitments and total against the claim the caller
// holds (the ClaimCommitted on claims.claim.v1, or --claim-file with its data), and
// prints the claim's on-chain history: every transition, its organisation and
// transaction.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheDir, repoRoot, stateDir } from '../devnet/lib/paths.ts';
import { host, port } from '../devnet/lib/ports.ts';
import { serviceUrl } from '../devnet/services.ts';
import { ensureLedgerKey } from '../devnet/lib/ledger-key.ts';
import { devnetAdminLogins } from '../devnet/lib/data-plane-credentials.ts';
import { mintToken } from '../token/token.ts';

const require = createRequire(`${repoRoot}/package.json`);
const { verifyEvent, VerificationFailure } = require('@carechain/ledger-verify');
const { verifyClaim } = require('@carechain/ledger-verify');
const { FabricClaimChain, FabricGatewayAnchor, fabricConnectionFromNetworkFile } = require('@carechain/ledger-fabric');

interface Receipt {
  eventId: string;
  saltVersion: string;
  source: { topic: string; partition: number; offset: string };
  commitment: string;
  batchId: string;
  leafIndex: number;
  treeSize: number;
  proof: string[];
  merkleRoot: string;
  txId: string;
  blockNumber: string;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    event: { type: 'string' },
    claim: { type: 'string' },
    'claim-file': { type: 'string' },
    receipt: { type: 'string' },
    org: { type: 'string', default: 'PayerOrg' },
    network: { type: 'string' },
    'key-hex': { type: 'string' },
    'salt-hex': { type: 'string' },
    keyring: { type: 'string' },
    'audit-url': { type: 'string' },
    // Audit shows a receipt to the oversight of the patient's custodian (README "Authorisation"): whose auditor asks.
    'audit-org': { type: 'string', default: 'hospital-a' },
    brokers: { type: 'string' },
  },
});

const brokers = () => (values.brokers ?? `${host()}:${port('KAFKA_PORT', 9092)}`).split(',');

/** Kafka as the principal the environment names (KAFKA_SASL_*, read as a service reads them); without one, the local devnet's admin. */
function kafkaClient() {
  const { createKafka } = require('@carechain/messaging');
  const { dataPlaneConfigShape, kafkaSecurityOf, loadConfig } = require('@carechain/config');
  const { createLogger } = require('@carechain/telemetry');
  const devnet = process.env.KAFKA_SASL_USERNAME ? {} : devnetAdminLogins();
  const security = devnet.kafka ? { sasl: devnet.kafka } : kafkaSecurityOf(loadConfig(dataPlaneConfigShape));
  return createKafka({ brokers: brokers(), clientId: 'verify', logger: createLogger('verify', 'silent'), ...security });
}

/** The newest value of `key` on a compacted topic (null after a tombstone, undefined if never written). */
async function latestValue(topic: string, key: string): Promise<Buffer | null | undefined> {
  let latest: Buffer | null | undefined;
  await scanTopic(topic, (messageKey, value) => {
    if (messageKey?.toString('utf8') === key) latest = value;
  });
  return latest;
}

/** Reads `topic` from its start to its current end, handing each message to `onMessage`. */
async function scanTopic(topic: string, onMessage: (key: Buffer | null, value: Buffer | null) => void): Promise<void> {
  const kafka = kafkaClient();
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<number, bigint>(
    (await admin.fetchTopicOffsets(topic))
      .filter((o: { high: string; low: string }) => BigInt(o.high) > BigInt(o.low))
      .map((o: { partition: number; high: string }) => [o.partition, BigInt(o.high)]),
  );
  await admin.disconnect();
  if (ends.size === 0) return;
  const consumer = kafka.consumer({ groupId: `verify-scan-${process.pid}-${Date.now()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`could not read ${topic} to its end`)), 30_000);
    void consumer.run({
      eachMessage: async ({ partition, message }: { partition: number; message: { offset: string; key: Buffer | null; value: Buffer | null } }) => {
        onMessage(message.key, message.value);
        if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n)) ends.delete(partition);
        if (ends.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
}

/** The HMAC key the receipt's commitment was made under, or why there is none (a verdict of the library). */
async function commitmentKey(receipt: Receipt, subject: string | undefined): Promise<Buffer | { unavailable: string; reason: string }> {
  const patientVersion = /^patient:v(\d+)$/.exec(receipt.saltVersion);
  if (!patientVersion) return Buffer.from(values['key-hex'] ?? (await ensureLedgerKey(cacheDir())), 'hex');
  if (values['salt-hex']) return Buffer.from(values['salt-hex'], 'hex');
  if (!subject) return { unavailable: VerificationFailure.SaltUnavailable, reason: 'the receipt names a patient salt but the event has no subject' };
  const value = await latestValue('identity.keys.v1', subject);
  if (value === null)
    return {
      unavailable: VerificationFailure.SaltShredded,
      reason: `the salt of patient ${subject} was shredded (the patient was erased): this commitment can no longer be linked to any event`,
    };
  if (value === undefined) return { unavailable: VerificationFailure.SaltUnavailable, reason: `no keys for patient ${subject} on identity.keys.v1` };
  const issued = JSON.parse(value.toString('utf8')).data;
  const wrapped = issued.versions.find((v: { version: number }) => v.version === Number(patientVersion[1]));
  if (!wrapped) return { unavailable: VerificationFailure.SaltUnavailable, reason: `patient ${subject} has no key version ${patientVersion[1]}` };
  const { LocalKeyringKms, unwrapPatientKeyVersion } = require('@carechain/crypto');
  const kms = await LocalKeyringKms.open(values.keyring ?? join(cacheDir(), 'dev-keys', 'keyring.json'), { createIfMissing: false });
  return (await unwrapPatientKeyVersion(kms, subject, wrapped)).salt;
}

async function fromAudit(eventId: string): Promise<{ eventBytes: Buffer; receipt: Receipt }> {
  const auditUrl = values['audit-url'] ?? serviceUrl('audit', process.env, host());
  const token = await mintToken(cacheDir(), { sub: 'verify-cli', roles: ['auditor'], org: values['audit-org']!, ttlSeconds: 300 });
  const res = await fetch(`${auditUrl}/audit/events/${encodeURIComponent(eventId)}/proof`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status === 403)
    fail(`audit shows ${eventId} only to the oversight of the patient's custodian: name it with --audit-org (now ${values['audit-org']})`);
  if (!res.ok) throw new Error(`audit has no receipt for ${eventId} (${res.status}): ${await res.text()}`);
  const { receipt } = (await res.json()) as { receipt: Receipt };
  // The event itself comes from Kafka, the log of truth, at the offset the receipt names.
  const kafka = kafkaClient();
  const consumer = kafka.consumer({ groupId: `verify-${process.pid}-${Date.now()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: receipt.source.topic, fromBeginning: true });
  const eventBytes = await new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`event not found at ${receipt.source.topic}/${receipt.source.partition}@${receipt.source.offset}`)),
      20_000,
    );
    void consumer.run({
      eachMessage: async ({ partition, message }: { partition: number; message: { offset: string; value: Buffer | null } }) => {
        if (partition === receipt.source.partition && message.offset === receipt.source.offset) {
          clearTimeout(timer);
          resolve(message.value ?? Buffer.alloc(0));
        }
      },
    });
    consumer.seek({ topic: receipt.source.topic, partition: receipt.source.partition, offset: receipt.source.offset });
  });
  await consumer.disconnect();
  return { eventBytes, receipt };
}

function fail(reason: string): never {
  process.stdout.write(`NOT VERIFIED: ${reason}\n`);
  process.exit(1);
}

const CLAIM_COMMITTED = 'carechain.claims.claim.committed.v1';

/** The claim's commitments as the caller holds them: a file of ClaimCommitted's data, or the event on claims.claim.v1. */
async function heldClaim(claimId: string): Promise<Record<string, unknown>> {
  if (values['claim-file']) return JSON.parse(readFileSync(values['claim-file'], 'utf8')) as Record<string, unknown>;
  let found: Record<string, unknown> | undefined;
  await scanTopic('claims.claim.v1', (_key, value) => {
    const event = value ? (JSON.parse(value.toString('utf8')) as { type?: string; data?: { claimId?: string } }) : undefined;
    if (event?.type === CLAIM_COMMITTED && event.data?.claimId === claimId) found = event.data;
  });
  if (!found) fail(`no ClaimCommitted for claim ${claimId} on claims.claim.v1 (was it submitted with CLAIMS_AWAIT_CHAIN_VERDICT?)`);
  return found;
}

async function verifyClaimOnChain(claimId: string): Promise<void> {
  const held = await heldClaim(claimId);
  const networkFile = values.network ?? join(stateDir(), 'fabric', 'network.json');
  const connection = fabricConnectionFromNetworkFile(networkFile, values.org!);
  if (!connection) fail(`no organisation ${values.org} in ${networkFile}`);
  const chain = new FabricClaimChain(connection);
  try {
    const verdict = await verifyClaim({ ...held, claimId }, chain);
    if (!verdict.verified) fail(`${verdict.failure}: ${verdict.message} (asked ${values.org}'s peer ${connection.peerEndpoint})`);
    const c = verdict.claim;
    const refusal = c.refusal ? ` (${c.refusal})` : '';
    const lines = c.history.map(
      (h: { at: string; kind: string; status: string; mspId: string; txId: string }) =>
        `  ${h.at}  ${h.kind.padEnd(10)} → ${h.status.padEnd(11)} by ${h.mspId} in ${h.txId}`,
    );
    process.stdout.write(
      `VERIFIED: claim ${claimId} (${c.providerOrg} → ${c.payerOrg}, ${c.items.length} items, ${c.total.value} ${c.total.currency}) is ${c.status}${refusal} on ${values.org}'s peer ${connection.peerEndpoint}; its commitments match the claim held\n${lines.join('\n')}\n`,
    );
  } finally {
    chain.close();
  }
}

if (values.claim) {
  await verifyClaimOnChain(values.claim);
  process.exit(0);
}

const input =
  values.event && values.receipt
    ? { eventBytes: readFileSync(values.event), receipt: JSON.parse(readFileSync(values.receipt, 'utf8')) as Receipt }
    : positionals[0]
      ? await fromAudit(positionals[0])
      : (process.stderr.write(
          'usage: verify <eventId> | --event <file> --receipt <file> | --claim <claimId> [--claim-file <file>] [--org ProviderOrg|PayerOrg] [--audit-org <custodian>] [--key-hex <hex>] [--salt-hex <hex>] [--keyring <file>] [--network <file>]\n',
        ),
        process.exit(2));
const { eventBytes, receipt } = input;

// The subject names whose salt to fetch; the library decides everything else (docs/verification.md).
let subject: string | undefined;
try {
  subject = (JSON.parse(eventBytes.toString('utf8')) as { subject?: string }).subject;
} catch {
  subject = undefined;
}
const salt = await commitmentKey(receipt, subject);

const networkFile = values.network ?? join(stateDir(), 'fabric', 'network.json');
const connection = fabricConnectionFromNetworkFile(networkFile, values.org!);
if (!connection) fail(`no organisation ${values.org} in ${networkFile}`);
const ledger = new FabricGatewayAnchor(connection);
try {
  const verdict = await verifyEvent(eventBytes, receipt, salt, ledger);
  if (!verdict.verified)
    fail(
      `${verdict.failure}: ${verdict.message}${verdict.failure === VerificationFailure.BatchUnknown ? ` (asked ${values.org}'s peer ${connection.peerEndpoint})` : ''}`,
    );
  const b = verdict.batch;
  process.stdout.write(
    `VERIFIED: event ${receipt.eventId} is leaf ${receipt.leafIndex} of batch ${receipt.batchId} (${b.leafCount} events), root ${b.merkleRoot}, anchored ${b.anchoredAt} in transaction ${b.txId} by ${b.submitterMspId}; checked on ${values.org}'s peer ${connection.peerEndpoint}\n`,
  );
} finally {
  ledger.close();
}
