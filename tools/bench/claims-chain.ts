// The chain half of bench:claims (npm run bench:claims -- --chain [--n 500] [--c 16]
// [--direct 400] [--batch 50] [--inflight 4] [--serial 40]), against the running stack (npm run stack:up; the devnet
// runs both organisations' ledger-writers and claims waits for the chain's verdict).
//
// 1. Over HTTP: --n patients, each with a coverage and one documented encounter; once
//    every encounter is anchored (its proof is in ledger-writer's documentation index),
//    --n clean claims are submitted with --c in flight. Each claim's time from the
//    request to its on-chain verdict (ledger.claim.v1, after the ClaimContract's
//    transaction committed) gives p50/p99, and the verdicts per second of the whole
//    run the claims recorded on chain per second.
// 2. Straight to the ClaimContract as ProviderOrg, in the same run: --direct submit
//    transitions (real documentation proofs, fresh claims) batched --batch to a
//    transaction, one after another and --inflight awaiting their commit at once (as
//    ledger-writer pipelines them), against one transaction per transition, both one
//    after another (--serial transitions: a commit each) and with --c in flight. The
//    ratios say what batching buys against each baseline.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheDir, repoRoot, stateDir } from '../devnet/lib/paths.ts';
import { host, port } from '../devnet/lib/ports.ts';
import { devnetAdminLogins } from '../devnet/lib/data-plane-credentials.ts';
import { mintToken } from '../token/token.ts';
import { load, percentile, send } from './lib/http-load.ts';
import { syntheticRegistration } from './lib/synthetic-person.ts';

const require = createRequire(`${repoRoot}/package.json`);
const { Redis } = require('ioredis');
const { createKafka } = require('@carechain/messaging');
const { createLogger } = require('@carechain/telemetry');
const { FabricClaimChain, fabricConnectionFromNetworkFile } = require('@carechain/ledger-fabric');

const arg = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const n = arg('n', 500);
const c = arg('c', 16);
const direct = arg('direct', 400);
const batch = arg('batch', 50);
const inflight = arg('inflight', 4);
const serial = arg('serial', 40);

const url = (portVar: string, fallback: number, path: string) => new URL(path, `http://${host()}:${port(portVar, fallback)}`);
const CPT = 'http://www.ama-assn.org/go/cpt';
const today = new Date().toISOString().slice(0, 10);
const token = (sub: string, role: 'registrar' | 'clinician' | 'payer', org: string) => mintToken(cacheDir(), { sub, roles: [role], org, ttlSeconds: 3600 });
const [registrar, doctor, payer] = await Promise.all([
  token('bench-desk', 'registrar', 'hospital-a'),
  token('bench-dr', 'clinician', 'hospital-a'),
  token('bench-payer', 'payer', 'payer-c'),
]);
const { Agent } = await import('node:http');
const agent = new Agent({ keepAlive: true, maxSockets: c });
const post = async (target: URL, bearer: string, body: unknown, expected: number) => {
  for (let attempt = 0; ; attempt++) {
    const answer = await send(agent, 'POST', target, { authorization: `Bearer ${bearer}` }, JSON.stringify(body));
    if (answer.status === expected) return JSON.parse(answer.body) as Record<string, string>;
    // A service learns of a fresh patient from Kafka: 404 for a moment.
    if (answer.status !== 404 || attempt > 50) throw new Error(`POST ${target.pathname}: ${answer.status} ${answer.body.slice(0, 300)}`);
    await sleep(100);
  }
};

/**
 * A new patient of the synthetic population. On a devnet that already holds many
 * synthetic people (bench:pipeline's), the MPI may take one for a near-duplicate of
 * someone and open a review (202): that person is left to the review, another drawn.
 */
async function registerNewPatient(i: number): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const answer = await send(
      agent,
      'POST',
      url('IDENTITY_PORT', 3001, '/patients'),
      { authorization: `Bearer ${registrar}` },
      JSON.stringify(syntheticRegistration(i, 'urn:carechain:mrn:bench-claims')),
    );
    if (answer.status === 201) return (JSON.parse(answer.body) as { id: string }).id;
    if (answer.status !== 202) throw new Error(`POST /patients: ${answer.status} ${answer.body.slice(0, 300)}`);
  }
  throw new Error('POST /patients: ten registrations in a row went to review');
}

process.stdout.write(
  `bench:claims (on chain)  n=${n} concurrency=${c} direct=${direct} batch=${batch} inflight=${inflight} serial=${serial}  ${new Date().toISOString()}\n`,
);

// Setup: patients, coverages, encounters (not timed).
interface Prepared {
  patientId: string;
  coverageId: string;
  recordId: string;
  eventId: string;
}
const prepared: Prepared[] = [];
await Promise.all(
  Array.from({ length: c }, async (_, w) => {
    for (let i = w; i < n; i += c) {
      const patientId = await registerNewPatient(i);
      const coverage = {
        resourceType: 'Coverage',
        status: 'active',
        beneficiary: { reference: `Patient/${patientId}` },
        payor: [{ reference: 'Organization/payer-c' }],
        class: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' }] }, value: 'gold-2026' }],
      };
      const { coverageId } = await post(url('CLAIMS_PORT', 3004, '/coverages'), payer, coverage, 201);
      const encounter = {
        resourceType: 'Encounter',
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        type: [{ coding: [{ system: CPT, code: '99213' }] }],
        subject: { reference: `Patient/${patientId}` },
        period: { start: `${today}T09:00:00Z` },
      };
      const { recordId, eventId } = await post(url('RECORDS_PORT', 3003, `/patients/${patientId}/records`), doctor, encounter, 201);
      prepared.push({ patientId: patientId!, coverageId: coverageId!, recordId: recordId!, eventId: eventId! });
    }
  }),
);

// Documented means anchored: wait for every encounter's proof in the providers' ledger-writer's index.
const redis = new Redis(
  process.env.REDIS_URL ?? `redis://${host()}:${port('REDIS_PORT', 6379)}`,
  process.env.REDIS_URL ? {} : (devnetAdminLogins().redis ?? {}),
);
const proofs = new Map<string, unknown>();
for (const deadline = Date.now() + 120_000; proofs.size < prepared.length && Date.now() < deadline; await sleep(250)) {
  const missing = prepared.filter((p) => !proofs.has(p.eventId)).map((p) => p.eventId);
  const values = (await redis.hmget('ledger-writer:documentation', ...missing)) as (string | null)[];
  values.forEach((v, i) => v !== null && proofs.set(missing[i]!, JSON.parse(v)));
}
if (proofs.size < prepared.length) throw new Error(`only ${proofs.size} of ${prepared.length} encounters were anchored within 2 minutes`);

// 1. Submit → on-chain verdict, over HTTP.
const sentAt = new Map<string, number>();
const verdictAt = new Map<string, number>();
const latencies: number[] = [];
const brokers = (process.env.KAFKA_BROKERS ?? `${host()}:${port('KAFKA_PORT', 9092)}`).split(',');
const sasl = devnetAdminLogins().kafka;
const kafka = createKafka({ brokers, clientId: 'bench-claims-chain', logger: createLogger('bench-claims-chain', 'warn'), ...(sasl && { sasl }) });
const consumer = kafka.consumer({ groupId: `bench-claims-chain-${randomUUID()}`, maxWaitTimeInMs: 50 });
await consumer.connect();
await consumer.subscribe({ topic: 'ledger.claim.v1', fromBeginning: false });
await consumer.run({
  eachMessage: async ({ message }: { message: { value: Buffer | null } }) => {
    const data = (JSON.parse(message.value?.toString() ?? '{}') as { data?: { claimId: string; kind: string } }).data;
    if (data?.kind !== 'submit' || verdictAt.has(data.claimId)) return;
    const now = performance.now();
    verdictAt.set(data.claimId, now);
    const start = sentAt.get(data.claimId);
    if (start !== undefined) latencies.push(now - start);
  },
});
await sleep(3_000); // the group's first fetch must start before the first verdict
const claim = (p: Prepared) => ({
  resourceType: 'Claim',
  status: 'active',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
  use: 'claim',
  patient: { reference: `Patient/${p.patientId}` },
  created: new Date().toISOString(),
  provider: { reference: 'Organization/hospital-a' },
  priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
  insurance: [{ sequence: 1, focal: true, coverage: { reference: `Coverage/${p.coverageId}` } }],
  supportingInfo: [{ sequence: 1, category: { coding: [{ code: 'info' }] }, valueReference: { reference: `Encounter/${p.recordId}` } }],
  item: [
    {
      sequence: 1,
      informationSequence: [1],
      productOrService: { coding: [{ system: CPT, code: '99213' }] },
      servicedDate: today,
      unitPrice: { value: 80, currency: 'EUR' },
    },
  ],
});
const t0 = performance.now();
const http = await load(
  n,
  c,
  async (i, a) => {
    const start = performance.now();
    const answer = await send(a, 'POST', url('CLAIMS_PORT', 3004, '/claims'), { authorization: `Bearer ${registrar}` }, JSON.stringify(claim(prepared[i]!)));
    if (answer.status === 201) {
      const { claimId } = JSON.parse(answer.body) as { claimId: string };
      sentAt.set(claimId, start);
      const early = verdictAt.get(claimId);
      if (early !== undefined) latencies.push(early - start);
    }
    return answer;
  },
  (a) => a.status === 201,
);
for (const deadline = performance.now() + 120_000; latencies.length < sentAt.size && performance.now() < deadline;) await sleep(50);
const lastVerdict = Math.max(...[...sentAt.keys()].map((id) => verdictAt.get(id) ?? 0));
await consumer.disconnect();
latencies.sort((a, b) => a - b);
process.stdout.write(
  `  over HTTP: ${((latencies.length * 1000) / (lastVerdict - t0)).toFixed(1)} claims/s recorded on chain; submit → on-chain verdict p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms; HTTP 201 p50 ${http.p50.toFixed(0)} ms; failures ${http.failures}, no verdict ${sentAt.size - latencies.length}\n`,
);

// 2. Batched vs one transaction per transition, straight to the contract as ProviderOrg.
const chain = new FabricClaimChain(fabricConnectionFromNetworkFile(join(stateDir(), 'fabric', 'network.json'), 'ProviderOrg'));
const documentation = [...proofs.values()];
const transition = (i: number) => ({
  kind: 'submit',
  transitionId: randomUUID(),
  claimId: randomUUID(),
  at: new Date().toISOString(),
  providerOrg: 'hospital-a',
  payerOrg: 'payer-c',
  contentCommitment: randomBytes(32).toString('hex'),
  total: { value: '80.00', currency: 'EUR' },
  // A fresh service each time (no duplicate refusal), documented by a real anchored encounter.
  items: [{ serviceCommitment: randomBytes(32).toString('hex'), documentation: documentation[i % documentation.length] }],
});
const rate = async (what: string, count: number, run: () => Promise<void>) => {
  const start = performance.now();
  await run();
  const perSecond = (count * 1000) / (performance.now() - start);
  process.stdout.write(`  ${what}: ${perSecond.toFixed(1)} transitions/s committed\n`);
  return perSecond;
};
/** `count` transitions, `size` to a transaction, `parallel` transactions awaiting their commit at once. */
const submitAll = (count: number, size: number, parallel: number) => {
  let next = 0;
  return Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const from = next;
        next = Math.min(count, next + size);
        await chain.applyTransitions(Array.from({ length: next - from }, (_, k) => transition(from + k)));
      }
    }),
  ).then(() => undefined);
};
try {
  const oneByOne = await rate(`${batch} transitions per transaction, one after another`, direct, () => submitAll(direct, batch, 1));
  const pipelined = await rate(`${batch} transitions per transaction, ${inflight} in flight`, direct, () => submitAll(direct, batch, inflight));
  const single = await rate(`one transaction per transition, ${c} in flight`, direct, () => submitAll(direct, 1, c));
  const serialRate = await rate(`one transaction per transition, one after another (${serial} transitions)`, serial, () => submitAll(serial, 1, 1));
  const batched = Math.max(oneByOne, pipelined);
  process.stdout.write(
    `  batching: ${(batched / serialRate).toFixed(1)}x one transaction per transition one after another, ${(batched / single).toFixed(1)}x with ${c} in flight\n`,
  );
} finally {
  chain.close();
  agent.destroy();
  redis.disconnect();
}
