// npm run bench:anchor -- [--n 50000] [--single 200] [--runs 3] [--rate 5000]
// Against the running stack (npm start / stack:up): produces N domain events to
// Kafka and measures how fast ledger-writer anchors them with receipts (events/s,
// p50/p99 from produce to receipt, proof size, receipt bytes per event on Kafka),
// either as one backlog or (--rate) at a steady offered load; meanwhile it polls audit's
// completeness monitor (GET /audit/monitor) and reports how long after its receipt (the
// batch's commit) the monitor had accounted for each event: its lag behind the ledger.
// Then it anchors a sample with one Fabric transaction per event, straight through the
// gateway, and prints the ratio.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheDir, repoRoot, stateDir } from '../devnet/lib/paths.ts';
import { host, port } from '../devnet/lib/ports.ts';
import { devnetAdminLogins } from '../devnet/lib/data-plane-credentials.ts';
import { mintToken } from '../token/token.ts';
import { arg } from './lib/bench-args.ts';
import { benchRegistration } from './lib/bench-events.ts';

const require = createRequire(`${repoRoot}/package.json`);
const { createKafka, KafkaEventPublisher } = require('@carechain/messaging');
const { createEvent, Topics } = require('@carechain/contracts');
const { createLogger } = require('@carechain/telemetry');
const { FabricGatewayAnchor, fabricConnectionFromNetworkFile } = require('@carechain/ledger-fabric');

const auditUrl = `http://${host()}:${port('AUDIT_PORT', 3006)}`;
const officer = await mintToken(cacheDir(), { sub: 'bench-dpo', roles: ['privacy-officer'], org: 'bench-org', ttlSeconds: 3600 });

/** The monitor's position (offsets accounted for end before it) per identity.patient.v1 partition. */
async function monitorPositions(): Promise<Map<number, bigint>> {
  const res = await fetch(`${auditUrl}/audit/monitor`, { headers: { authorization: `Bearer ${officer}` } });
  if (!res.ok) throw new Error(`GET /audit/monitor: ${res.status}`);
  const body = (await res.json()) as { enabled: boolean; partitions?: { topic: string; partition: number; position: string | null }[] };
  if (!body.enabled) throw new Error('audit runs without the completeness monitor (AUDIT_MONITOR_NETWORK_FILE)');
  return new Map(
    (body.partitions ?? []).filter((p) => p.topic === Topics.identityPatient && p.position !== null).map((p) => [p.partition, BigInt(p.position!)]),
  );
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const brokers = (process.env.KAFKA_BROKERS ?? `${host()}:${port('KAFKA_PORT', 9092)}`).split(',');
const logger = createLogger('bench-anchor', 'warn');
const sasl = devnetAdminLogins().kafka;
const kafka = createKafka({ brokers, clientId: 'bench-anchor', logger, ...(sasl && { sasl }) });

// Bench patients with real keys on identity.keys.v1, as identity would publish them,
// so ledger-writer commits each event under its patient's salt, as in production.
const BENCH_PATIENTS = 200;
const { LocalKeyringKms, generatePatientKeyVersion, wrapPatientKeyVersion } = require('@carechain/crypto');
const { KEYS_ISSUED_V1 } = require('@carechain/contracts');
const patients: string[] = Array.from({ length: BENCH_PATIENTS }, () => randomUUID());

async function issueBenchKeys(): Promise<void> {
  const kms = await LocalKeyringKms.open(join(cacheDir(), 'dev-keys', 'keyring.json'), { createIfMissing: false });
  const publisher = new KafkaEventPublisher(kafka);
  await publisher.connect();
  for (const patientId of patients) {
    const data = { patientId, versions: [await wrapPatientKeyVersion(kms, patientId, generatePatientKeyVersion(1))] };
    await publisher.publish(Topics.identityKeys, createEvent({ type: KEYS_ISSUED_V1, source: '/bench', subject: patientId, data }), { key: patientId });
  }
  await publisher.disconnect();
  await sleep(2_000); // ledger-writer's key replica follows within milliseconds; leave it room
}

function event(i: number) {
  return benchRegistration(patients[i % BENCH_PATIENTS]!, i);
}

interface KafkaRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

/** A record's bytes on the wire, less the framing: key, value and headers. */
function recordBytes(m: KafkaRecord): number {
  let bytes = (m.key?.length ?? 0) + (m.value?.length ?? 0);
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    bytes += Buffer.byteLength(name);
    for (const v of [value ?? []].flat()) bytes += Buffer.byteLength(v);
  }
  return bytes;
}

/** ledger.receipt.v1 carries one receipt per event (v1, with its proof) or one per batch (v2, the proof derived on demand). */
type ReceiptData =
  | { eventId: string; proof: string[]; source: { partition: number; offset: string } }
  | { eventIds: string[]; treeSize: number; offsets: number[]; source: { partition: number; firstOffset: string } };

function receiptedEvents(data: ReceiptData): { eventId: string; proofHashes: number; partition: number; offset: bigint }[] {
  if ('eventId' in data)
    return [{ eventId: data.eventId, proofHashes: data.proof.length, partition: data.source.partition, offset: BigInt(data.source.offset) }];
  const pathLength = Math.ceil(Math.log2(Math.max(1, data.treeSize)));
  const first = BigInt(data.source.firstOffset);
  return data.eventIds.map((eventId, i) => ({ eventId, proofHashes: pathLength, partition: data.source.partition, offset: first + BigInt(data.offsets[i]!) }));
}

async function batched(n: number, rate: number) {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let proofBytes = 0;
  let receiptBytes = 0;
  let lastReceipt = 0;
  /** Receipts not yet accounted for by the monitor: where the event is and when its receipt came. */
  let unaccounted: { partition: number; offset: bigint; at: number }[] = [];
  const monitorLags: number[] = [];
  let polling = true;
  let monitorDeadline = Infinity;
  const poller = (async () => {
    while (polling || unaccounted.length > 0) {
      const positions = await monitorPositions();
      const now = performance.now();
      unaccounted = unaccounted.filter((r) => {
        const accounted = (positions.get(r.partition) ?? -1n) > r.offset;
        if (accounted) monitorLags.push(now - r.at);
        return !accounted;
      });
      if (!polling && performance.now() > monitorDeadline) break;
      await sleep(250);
    }
  })();
  const consumer = kafka.consumer({ groupId: `bench-anchor-${randomUUID()}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.ledgerReceipt, fromBeginning: false });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  await consumer.run({
    eachBatch: async ({ batch }: { batch: { messages: KafkaRecord[] } }) => {
      const now = performance.now();
      for (const m of batch.messages) {
        const anchored = receiptedEvents(JSON.parse(m.value!.toString()).data as ReceiptData);
        const bytes = recordBytes(m);
        let ours = 0;
        for (const { eventId, proofHashes, partition, offset } of anchored) {
          const start = sentAt.get(eventId);
          if (start === undefined) continue;
          sentAt.delete(eventId);
          latencies.push(now - start);
          proofBytes += proofHashes * 32;
          lastReceipt = now;
          ours += 1;
          unaccounted.push({ partition, offset, at: now });
        }
        // A receipt's bytes count in proportion to the bench's events it covers.
        if (anchored.length > 0) receiptBytes += (bytes * ours) / anchored.length;
      }
    },
  });
  while (!joined) await sleep(50);
  await sleep(500);
  const publisher = new KafkaEventPublisher(kafka);
  await publisher.connect();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 256 }, async () => {
      while (next < n) {
        const i = next++;
        // Steady mode: event i is offered at t0 + i / rate, whatever the writer's pace.
        const due = rate > 0 ? t0 + (i / rate) * 1000 : 0;
        if (due > performance.now()) await sleep(due - performance.now());
        const e = event(i);
        sentAt.set(e.id, performance.now());
        await publisher.publish(Topics.identityPatient, e);
      }
    }),
  );
  const deadline = performance.now() + 180_000;
  while (latencies.length < n && performance.now() < deadline) await sleep(100);
  await publisher.disconnect();
  await consumer.disconnect();
  monitorDeadline = performance.now() + 60_000;
  polling = false;
  await poller;
  latencies.sort((a, b) => a - b);
  monitorLags.sort((a, b) => a - b);
  return {
    monitorP50: pct(monitorLags, 50),
    monitorP99: pct(monitorLags, 99),
    monitorMax: monitorLags[monitorLags.length - 1] ?? NaN,
    monitorMissing: unaccounted.length,
    rate: latencies.length / ((lastReceipt - t0) / 1000),
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    proofBytes: proofBytes / latencies.length,
    receiptBytes: receiptBytes / latencies.length,
    missing: n - latencies.length,
  };
}

async function onePerEvent(m: number) {
  const ledger = new FabricGatewayAnchor(
    fabricConnectionFromNetworkFile(process.env.FABRIC_NETWORK_FILE ?? join(stateDir(), 'fabric', 'network.json'), 'ProviderOrg'),
  );
  const now = new Date().toISOString();
  let next = 0;
  const t0 = performance.now();
  // As concurrent as a per-event writer could reasonably be: 16 transactions in flight.
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < m) {
        const i = next++;
        const leaf = createHash('sha256').update(randomBytes(32)).digest('hex');
        await ledger.anchor({
          batchId: createHash('sha256').update(randomBytes(32)).digest('hex'),
          merkleRoot: leaf,
          leafCount: 1,
          firstTime: now,
          lastTime: now,
          sourceRange: { topic: 'bench.single', partition: 0, firstOffset: i, lastOffset: i },
        });
      }
    }),
  );
  ledger.close();
  return m / ((performance.now() - t0) / 1000);
}

const n = arg('n', 50_000);
const single = arg('single', 200);
const runs = arg('runs', 3);
// 0: the whole backlog at once (a latency figure then measures the backlog); else events offered per second.
const rate = arg('rate', 0);
process.stdout.write(
  `bench:anchor  n=${n} single=${single} runs=${runs} rate=${rate || 'backlog'}  node ${process.version}, ${cpus().length} cores  ${new Date().toISOString()}\n`,
);
await issueBenchKeys();
const results = [];
for (let r = 0; r < runs; r++) {
  const b = await batched(n, rate);
  const s = await onePerEvent(single);
  results.push({ ...b, single: s });
  process.stdout.write(
    `  run ${r + 1}: batched ${b.rate.toFixed(0)} events/s anchored with receipts (produce→receipt p50 ${b.p50.toFixed(0)} ms, p99 ${b.p99.toFixed(0)} ms, proof ${b.proofBytes.toFixed(0)} B, receipt ${b.receiptBytes.toFixed(0)} B/event on Kafka, missing ${b.missing}); monitor behind the ledger p50 ${(b.monitorP50 / 1000).toFixed(1)} s, p99 ${(b.monitorP99 / 1000).toFixed(1)} s, max ${(b.monitorMax / 1000).toFixed(1)} s (unaccounted ${b.monitorMissing}); one tx per event ${s.toFixed(1)}/s; ratio ${(b.rate / s).toFixed(0)}x\n`,
  );
}
process.stdout.write(
  `median of ${runs}: ${median(results.map((r) => r.rate)).toFixed(0)} events/s batched, ${median(results.map((r) => r.single)).toFixed(1)}/s one tx per event, ratio ${median(results.map((r) => r.rate / r.single)).toFixed(0)}x, p99 produce→receipt ${median(results.map((r) => r.p99)).toFixed(0)} ms, receipt ${median(results.map((r) => r.receiptBytes)).toFixed(0)} B/event, monitor behind the ledger p99 ${(median(results.map((r) => r.monitorP99)) / 1000).toFixed(1)} s  (load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')})\n`,
);
process.exit(0);
