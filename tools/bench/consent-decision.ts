// bash tools/bootstrap/run.sh tools/bench/consent-decision.ts -- [--patients 100000] [--n 1000000] [--runs 3] [--seed 1]
// In-process cost of one consent decision, as records pays it on every read: builds a
// GrantBook of P patients with 2–4 grants each (3 on average) through its event API,
// then times decide() alone, call by call with process.hrtime.bigint, over N random
// requests per run, after a warm-up. Prints p50/p99/p99.9/max per run and the median
// of the runs, the cost of the timer itself, and the mean of forPatient() + decide()
// timed as a batch (no per-call timer). Needs the lib built:
//   bash tools/bootstrap/run.sh tools/test/nx.ts run consent-decision:build
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import type { AccessRequest, Decision, Grant, GrantBook as GrantBookType, PatientContext } from '@carechain/consent-decision';
import type { DataCategory, PurposeOfUse, RecordCategory } from '@carechain/contracts';
import { repoRoot } from '../devnet/lib/paths.ts';
import { mulberry32 } from '../../libs/shared/random/src/mulberry32.ts';
import { arg } from './lib/bench-args.ts';

const require = createRequire(`${repoRoot}/package.json`);
let lib: {
  GrantBook: new () => GrantBookType;
  decide: (request: AccessRequest, patient: PatientContext | undefined, grants: readonly Grant[]) => Decision;
};
try {
  lib = require('@carechain/consent-decision');
} catch (error) {
  console.error(
    `cannot load @carechain/consent-decision (${(error as Error).message.split('\n')[0]}); build it first:\n  bash tools/bootstrap/run.sh tools/test/nx.ts run consent-decision:build`,
  );
  process.exit(1);
}
const { GrantBook, decide } = lib;

const PATIENTS = arg('patients', 100_000);
const N = arg('n', 1_000_000);
const RUNS = arg('runs', 3);
const SEED = arg('seed', 1);
const WARMUP = 200_000;
const ORGS = 500;

const CATEGORIES: readonly RecordCategory[] = [
  'conditions',
  'allergies',
  'medications',
  'observations',
  'encounters',
  'appointments',
  'communications',
  'billing',
];
// Treatment dominates real traffic; the rest appear so every code path is exercised.
const PURPOSES: readonly PurposeOfUse[] = ['TREAT', 'TREAT', 'TREAT', 'TREAT', 'ETREAT', 'HPAYMT', 'HOPERAT', 'HRESCH', 'PATRQT', 'PUBHLTH'];
const NOW_MS = Date.UTC(2025, 5, 1);
const DAY = 86_400_000;

const int = (rnd: () => number, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: () => number, xs: readonly T[]) => xs[int(rnd, xs.length)]!;
function subset(rnd: () => number, min: number, max: number): RecordCategory[] {
  const size = min + int(rnd, max - min + 1);
  const pool = [...CATEGORIES];
  const out: RecordCategory[] = [];
  while (out.length < size) out.push(pool.splice(int(rnd, pool.length), 1)[0]!);
  return out;
}
const iso = (ms: number) => new Date(ms).toISOString();
const org = (i: number) => `org-${i}`;
const patientId = (i: number) => `patient-${i}`;

function buildBook(rnd: () => number) {
  const book = new GrantBook();
  const patients = new Map<string, PatientContext>();
  let grantSeq = 0;
  for (let p = 0; p < PATIENTS; p++) {
    const id = patientId(p);
    patients.set(id, { patientId: id, custodian: org(p % ORGS), erased: rnd() < 0.002 });
    const count = 2 + int(rnd, 3);
    for (let g = 0; g < count; g++) {
      const organisation = org(int(rnd, ORGS));
      const validFrom = NOW_MS - int(rnd, 730) * DAY + (rnd() < 0.05 ? 800 * DAY : 0);
      const grant: Grant = {
        grantId: `grant-${grantSeq++}`,
        patientId: id,
        grantee: rnd() < 0.2 ? { organisation, practitioner: `${organisation}/pr-${int(rnd, 20)}` } : { organisation },
        categories: subset(rnd, 1, 6),
        purposes: rnd() < 0.7 ? ['TREAT'] : [pick(rnd, PURPOSES), pick(rnd, PURPOSES)].filter((x, i, xs) => xs.indexOf(x) === i),
        validFrom: iso(validFrom),
        ...(rnd() < 0.7 ? { validUntil: iso(validFrom + (30 + int(rnd, 900)) * DAY) } : {}),
        grantedBy: { kind: 'patient', subject: id, signed: true },
        grantedAt: iso(validFrom - DAY),
        status: 'active',
      };
      book.grant(grant);
      if (rnd() < 0.08) book.revoke(grant.grantId, iso(NOW_MS - int(rnd, 90) * DAY));
    }
  }
  return { book, patients };
}

// Requests draw from pools (requesters, category sets) so that a million of them fit
// in little memory and generating them stays out of the timed region. Nearly half
// come from a grantee of the patient, mostly within the grant's terms, so that
// permits, partial permits and near misses all weigh in, not only "no grant".
function buildRequests(rnd: () => number, book: GrantBookType): AccessRequest[] {
  const requesters = Array.from({ length: ORGS }, (_, o) =>
    Array.from({ length: 20 }, (_, r) => ({ subject: `${org(o)}/pr-${r}`, organisation: org(o), roles: r % 4 === 0 ? ['admin'] : ['clinician'] })),
  );
  const categorySets = Array.from({ length: 256 }, () => subset(rnd, 1, 3));
  const instants = Array.from({ length: 64 }, () => new Date(NOW_MS + int(rnd, 30 * DAY)));
  const breakGlass = { reason: 'Unconscious patient admitted to the emergency department' };
  const requests: AccessRequest[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const p = int(rnd, PATIENTS);
    const id = patientId(p);
    const roll = rnd();
    let requester = pick(rnd, requesters[int(rnd, ORGS)]!);
    let purpose = pick(rnd, PURPOSES);
    // 30% like records' searches: every category, then filter on `permitted`.
    let categories: readonly DataCategory[] = rnd() < 0.3 ? CATEGORIES : pick(rnd, categorySets);
    if (roll < 0.45) {
      // A grantee of the patient: the named practitioner when the grant names one
      // (85%), the grant's purpose (80%) and categories (50%).
      const grant = pick(rnd, book.forPatient(id));
      const o = Number(grant.grantee.organisation.slice(4));
      const practitioner = grant.grantee.practitioner;
      requester = practitioner !== undefined && rnd() < 0.85 ? requesters[o]![Number(practitioner.split('/pr-')[1])]! : pick(rnd, requesters[o]!);
      if (rnd() < 0.8) purpose = pick(rnd, grant.purposes);
      if (rnd() < 0.5) categories = grant.categories;
    } else if (roll < 0.6) {
      requester = pick(rnd, requesters[p % ORGS]!); // the custodian
    }
    requests[i] = { patientId: id, requester, categories, purpose, at: pick(rnd, instants), ...(rnd() < 0.01 ? { breakGlass } : {}) };
  }
  return requests;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (ns: number) => (ns >= 10_000 ? `${(ns / 1000).toFixed(1)} µs` : `${Math.round(ns)} ns`);

const rnd = mulberry32(SEED);
console.log(
  `consent-decision bench: ${PATIENTS} patients, ${N} requests × ${RUNS} runs, node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? '?'})`,
);
const t0 = process.hrtime.bigint();
const { book, patients } = buildBook(rnd);
const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
(globalThis as { gc?: () => void }).gc?.();
console.log(`GrantBook: ${book.size} grants built in ${buildMs.toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

// Warm-up: lets the JIT optimise decide() and compiles every grant once (the cache a
// long-running service would have).
{
  const warm = buildRequests(mulberry32(SEED + 1000), book).slice(0, WARMUP);
  for (const r of warm) decide(r, patients.get(r.patientId), book.forPatient(r.patientId));
  for (let p = 0; p < PATIENTS; p++)
    decide(
      {
        patientId: patientId(p),
        requester: { subject: 's', organisation: 'o', roles: [] },
        categories: ['conditions'],
        purpose: 'TREAT',
        at: new Date(NOW_MS),
      },
      patients.get(patientId(p)),
      book.forPatient(patientId(p)),
    );
}

// The cost of the timer pair itself, to read the figures below against.
const overhead = new Float64Array(100_000);
for (let i = 0; i < overhead.length; i++) {
  const a = process.hrtime.bigint();
  overhead[i] = Number(process.hrtime.bigint() - a);
}
overhead.sort();
console.log(`timer overhead (hrtime.bigint pair): p50 ${fmt(pct(overhead, 50))}, p99 ${fmt(pct(overhead, 99))}`);

const results: { p50: number; p99: number; p999: number; max: number; batchNs: number }[] = [];
const outcomes = new Map<string, number>();
for (let run = 0; run < RUNS; run++) {
  const requests = buildRequests(mulberry32(SEED + 1 + run), book);
  const samples = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const r = requests[i]!;
    const patient = patients.get(r.patientId);
    const grants = book.forPatient(r.patientId);
    const start = process.hrtime.bigint();
    const decision = decide(r, patient, grants);
    samples[i] = Number(process.hrtime.bigint() - start);
    if (run === 0) {
      const key = decision.effect === 'permit' ? `permit/${decision.basis}` : `deny/${decision.reason}${decision.permitted.length > 0 ? ' (partial)' : ''}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
  }
  // What records pays per read, lookups included, with no per-call timer in the way.
  let permitted = 0;
  const b0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const r = requests[i]!;
    permitted += decide(r, patients.get(r.patientId), book.forPatient(r.patientId)).permitted.length;
  }
  const batchNs = Number(process.hrtime.bigint() - b0) / N;
  samples.sort();
  const result = { p50: pct(samples, 50), p99: pct(samples, 99), p999: pct(samples, 99.9), max: samples[N - 1]!, batchNs };
  results.push(result);
  console.log(
    `run ${run + 1}: decide() p50 ${fmt(result.p50)}, p99 ${fmt(result.p99)}, p99.9 ${fmt(result.p999)}, max ${fmt(result.max)}; forPatient+decide batch mean ${fmt(batchNs)}/op (${permitted} categories permitted)`,
  );
}

console.log('outcomes of run 1:');
for (const [key, count] of [...outcomes].sort((a, b) => b[1] - a[1])) console.log(`  ${key.padEnd(40)} ${((100 * count) / N).toFixed(1).padStart(5)}%`);
const p50 = median(results.map((r) => r.p50));
const p99 = median(results.map((r) => r.p99));
console.log(
  `median of ${RUNS} runs: decide() p50 ${fmt(p50)}, p99 ${fmt(p99)}, p99.9 ${fmt(median(results.map((r) => r.p999)))}; batch mean ${fmt(median(results.map((r) => r.batchNs)))}/op` +
    ` — budget p99 ≤ 1 ms: ${p99 <= 1_000_000 ? 'met' : 'MISSED'} (${(1_000_000 / p99).toFixed(0)}× headroom)`,
);
