// npm run bench:consume -- [--n 20000] [--runs 5]
// The per-record cost of consuming, in process: what KafkaEventConsumer and the replica
// consumer do with each fetched record before the handler (read the type header, decode
// and validate the value, read the headers and the trace context), over N records as
// Kafka hands them over (value bytes, headers as bytes): mostly patient registrations
// on identity.patient.v1 (what bench:anchor produces), some erasures, and records
// written on records.record.v1. Each consumer is timed twice over the same records:
// "every record parsed" (no types declared: main before consumers passed records over)
// and "declared types" (what each consumer declares now), in turns. Median CPU µs per
// record of the runs (process.cpuUsage: on a shared machine wall time measures the others). Then zod 4 safeParse of the hottest payload schemas against ajv 8 with ajv-formats
// (both in the workspace's node_modules, not dependencies of ours) compiled from the same JSON Schema (z.toJSONSchema, as
// contracts:export derives it), and whether both reject the same malformed variants.
// Needs the libs built (the npm script builds them through nx).
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import type { KafkaMessage } from 'kafkajs';
import { repoRoot } from '../devnet/lib/paths.ts';
import { arg } from './lib/bench-args.ts';
import { benchRegistration } from './lib/bench-events.ts';

const require = createRequire(`${repoRoot}/package.json`);
const contracts = require('@carechain/contracts');
const messaging = require('@carechain/messaging');
const { RECORDS_PROJECTION_EVENTS } = require('@carechain/records-domain');
const { CLAIMS_PROJECTION_EVENTS } = require('@carechain/claims-domain');
const { CONSENT_STATE_EVENTS } = require('@carechain/consent-domain');
const { PATIENT_REGISTRY_EVENTS } = require('@carechain/patient-registry');
const { z } = require('zod');

const N = arg('n', 20_000);
const RUNS = arg('runs', 5);
const { Topics, PATIENT_REGISTERED_V1, PATIENT_ERASED_V1, RECORD_WRITTEN_V1, RECEIPT_ISSUED_V2, createEvent, encodeEvent, EVENT_SCHEMAS } = contracts;

const b64url = (bytes: number) => randomBytes(bytes).toString('base64url');

const registration = (i: number) => benchRegistration(randomUUID(), i);

function erasure(i: number) {
  const patientId = randomUUID();
  const data = { patientId, reason: 'data-subject-request', caseReference: `DSR-${i}`, alsoErased: [] };
  return createEvent({ type: PATIENT_ERASED_V1, source: '/bench', subject: patientId, data });
}

function recordWritten() {
  const patientId = randomUUID();
  const resource = { alg: 'A256GCM', keyVersion: 1, iv: b64url(12), ct: b64url(600), tag: b64url(16) };
  const data = {
    recordId: randomUUID(),
    patientId,
    version: 1,
    category: 'conditions',
    resourceType: 'Condition',
    author: { subject: 'dr-bench', organisation: 'bench-org' },
    resource,
  };
  return createEvent({ type: RECORD_WRITTEN_V1, source: '/bench', subject: patientId, data });
}

function receipt(size: number) {
  const hex = () => randomBytes(32).toString('hex');
  const data = {
    batchId: hex(),
    merkleRoot: hex(),
    treeSize: size,
    txId: hex(),
    blockNumber: '42',
    anchoredAt: new Date().toISOString(),
    source: { topic: Topics.identityPatient, partition: 0, firstOffset: '1000', lastOffset: String(1000 + size - 1) },
    eventIds: Array.from({ length: size }, () => randomUUID()),
    offsets: Array.from({ length: size }, (_, i) => i),
    commitments: Array.from({ length: size }, hex),
    eventTypes: [PATIENT_REGISTERED_V1],
    typeOf: Array.from({ length: size }, () => 0),
    saltVersions: ['1'],
    saltOf: Array.from({ length: size }, () => 0),
  };
  return createEvent({ type: RECEIPT_ISSUED_V2, source: '/bench', data });
}

interface Fetched {
  readonly topic: string;
  readonly message: KafkaMessage;
}

/** A record as the publisher writes it and kafkajs hands it to eachBatch. */
function fetched(topic: string, event: { type: string; id: string }, i: number): Fetched {
  const headers = {
    traceparent: Buffer.from(`00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`),
    'content-type': Buffer.from('application/cloudevents+json'),
    ce_type: Buffer.from(event.type),
    ce_id: Buffer.from(event.id),
  };
  const message = { offset: String(i), key: Buffer.from(randomUUID()), value: encodeEvent(event), timestamp: '0', attributes: 0, headers };
  return { topic, message: message as unknown as KafkaMessage };
}

// 3 in 4 on identity.patient.v1 (1 in 20 of them an erasure), 1 in 4 a record written.
const records: Fetched[] = Array.from({ length: N }, (_, i) => {
  if (i % 4 === 3) return fetched(Topics.recordsRecord, recordWritten(), i);
  return fetched(Topics.identityPatient, i % 20 === 0 ? erasure(i) : registration(i), i);
});

type Handled = ReadonlyMap<string, ReadonlySet<string>> | undefined;
const declared = (topics: readonly string[], types: readonly string[]): Handled => new Map(topics.map((t) => [t, new Set(types)]));

const consumers: { name: string; topics: readonly string[]; handled: Handled }[] = [
  {
    name: 'records read model',
    topics: [Topics.recordsRecord, Topics.identityPatient],
    handled: declared([Topics.recordsRecord, Topics.identityPatient], RECORDS_PROJECTION_EVENTS),
  },
  { name: 'claims read model', topics: [Topics.identityPatient], handled: declared([Topics.identityPatient], CLAIMS_PROJECTION_EVENTS) },
  { name: 'consent state replica', topics: [Topics.identityPatient], handled: declared([Topics.identityPatient], CONSENT_STATE_EVENTS) },
  { name: 'patient registry replica', topics: [Topics.identityPatient], handled: declared([Topics.identityPatient], PATIENT_REGISTRY_EVENTS) },
  { name: 'audit trail (sees all)', topics: [Topics.recordsRecord, Topics.identityPatient], handled: undefined },
];

let sink = 0;

/** What the consumers do per record before the handler; returns how many reach it. */
function consume(batch: readonly Fetched[], handled: Handled): number {
  let kept = 0;
  for (const { topic, message } of batch) {
    const event = messaging.decodeRecord(message, handled?.get(topic));
    if (event === undefined) continue;
    const context = messaging.extractContext(messaging.headersOf(message));
    if (context) kept += 1;
  }
  return kept;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU time (user + system) of this process since `from`, in µs: contention for the cores does not count, as wall time would. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return used.user + used.system;
};

/**
 * Medians over RUNS of CPU µs per item of `a` and `b`, run in turns after a warm-up of
 * each (so drift in what else runs on the machine hits both alike).
 */
function time(items: number, a: () => number, b: () => number): [number, number] {
  sink += a() + b();
  const runs: [number[], number[]] = [[], []];
  for (let r = 0; r < RUNS; r++) {
    [a, b].forEach((fn, i) => {
      const started = process.cpuUsage();
      sink += fn();
      runs[i]!.push(cpuSince(started) / items);
    });
  }
  return [median(runs[0]), median(runs[1])];
}

const fmt = (us: number) => us.toFixed(2);
console.log(`bench:consume — ${N} records, ${RUNS} runs, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()[0]!.toFixed(2)}`);
console.log('| consumer | records of its topics | reach the handler | every record parsed (CPU µs/record) | declared types (CPU µs/record) | ratio |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const c of consumers) {
  const mine = records.filter((r) => c.topics.includes(r.topic));
  const [before, after] = time(
    mine.length,
    () => consume(mine, undefined),
    () => consume(mine, c.handled),
  );
  const kept = consume(mine, c.handled);
  console.log(`| ${c.name} | ${mine.length} | ${kept} | ${fmt(before)} | ${fmt(after)} | ${(before / after).toFixed(1)}× |`);
}

// zod 4 against a compiled validator of the same JSON Schema.
let Ajv: new (options: object) => { compile: (schema: object) => ((data: unknown) => boolean) & { errors?: unknown } };
let addFormats: (ajv: object) => void;
try {
  // z.toJSONSchema writes draft 2020-12; its string formats (uuid, date, date-time) need ajv-formats.
  Ajv = require('ajv/dist/2020').default;
  addFormats = require('ajv-formats').default;
} catch {
  console.log('\najv or ajv-formats is not in node_modules: the zod/ajv comparison is left out');
  process.exit(0);
}
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
// Each schema validated about N times per run (a receipt describes 500 events: N / 100 of them).
const hot: { type: string; repeat: number; data: Record<string, unknown>; malformed: [string, Record<string, unknown>][] }[] = [
  (() => {
    const data = registration(1).data;
    return {
      type: PATIENT_REGISTERED_V1,
      repeat: N,
      data,
      malformed: [
        ['patientId not a uuid', { ...data, patientId: 'nope' }],
        ['no custodian', { ...data, custodian: undefined }],
        ['birthDate not a date', { ...data, demographics: { ...data.demographics, birthDate: '1980-13-45' } }],
      ],
    };
  })(),
  (() => {
    const data = recordWritten().data;
    return {
      type: RECORD_WRITTEN_V1,
      repeat: N,
      data,
      malformed: [
        ['version 0', { ...data, version: 0 }],
        ['unknown category', { ...data, category: 'gossip' }],
        ['iv too short', { ...data, resource: { ...data.resource, iv: 'abc' } }],
      ],
    };
  })(),
  (() => {
    const data = receipt(500).data;
    return {
      type: RECEIPT_ISSUED_V2,
      repeat: Math.max(10, Math.round(N / 100)),
      data,
      malformed: [
        ['treeSize not the leaves', { ...data, treeSize: 499 }],
        ['offsets not ascending', { ...data, offsets: [...data.offsets].reverse() }],
        ['bad root', { ...data, merkleRoot: 'xyz' }],
      ],
    };
  })(),
];
console.log('\n| payload schema | zod safeParse (CPU µs) | ajv compiled (CPU µs) | ratio | malformed variants rejected: zod / ajv |');
console.log('| --- | --- | --- | --- | --- |');
for (const h of hot) {
  const schema = EVENT_SCHEMAS[h.type];
  const validate = ajv.compile(z.toJSONSchema(schema, { io: 'input' }));
  if (!schema.safeParse(h.data).success || !validate(h.data)) throw new Error(`${h.type}: the bench's sample is not valid`);
  const [zodT, ajvT] = time(
    h.repeat,
    () => {
      let ok = 0;
      for (let i = 0; i < h.repeat; i++) if (schema.safeParse(h.data).success) ok += 1;
      return ok;
    },
    () => {
      let ok = 0;
      for (let i = 0; i < h.repeat; i++) if (validate(h.data)) ok += 1;
      return ok;
    },
  );
  const zodRejects = h.malformed.filter(([, d]) => !schema.safeParse(d).success).map(([n]) => n);
  const ajvRejects = h.malformed.filter(([, d]) => !validate(d)).map(([n]) => n);
  const missed = zodRejects.filter((n) => !ajvRejects.includes(n));
  console.log(
    `| ${h.type} | ${fmt(zodT)} | ${fmt(ajvT)} | ${(zodT / ajvT).toFixed(1)}× | ${zodRejects.length} / ${ajvRejects.length}${missed.length ? ` (ajv accepts: ${missed.join(', ')})` : ''} |`,
  );
}
if (sink < 0) console.log(sink);
