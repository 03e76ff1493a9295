// npm run bench:mpi -- [--people 1000000] [--timed 10000] [--runs 3] [--population independent|own] [--seeds 101,102,103] [--size 5000] [--skip-throughput] [--skip-febrl] [--skip-own] [--misses]
// The master patient index (@carechain/identity-mpi) on one core, no services
// needed. Accuracy first, on data the matcher was not tuned on, then speed:
//
//   FEBRL (see lib/febrl.ts)   febrl4: two-file linkage (5,000 + 5,000, one true
//                              partner each); febrl3: deduplication of 5,000 records
//   independent generator      testing/independent-population.ts, held-out seeds
//                              (--seeds), --size people each: a linkage and a dedup task
//   own population             testing/population.ts, seed 1: the set thresholds are
//                              tuned on, reported for reference only
//
// Every record is registered in order through a MatchIndex as the identity service
// does (normalise → match → add, the model refitted as the index grows), with the
// thresholds scaled to the final population (scaledThresholds). Reported per task:
// precision, recall and F1 of the automatic links (linkage) or pairwise over the
// clusters (dedup), pair completeness of blocking, candidates scored, the share of
// registrations sent to review and reviews per 1,000 registrations.
//
// --misses: after each row, the wrong decisions by category: missed duplicates by
// cause (see MissCause in testing/evaluate.ts) and, per cause, the commonest
// comparison levels of the person's best-scoring record (fields not exact); false
// links by the levels of the wrong pair. Levels only, no demographic value.
//
// Throughput: --people registrations are indexed untimed, then the last --timed are
// timed (normalise + match + add): registrations per second of wall clock and per
// second of the process's CPU time (the honest figure on a machine shared with
// other work), p50/p99, median of --runs, and the heap the index holds. --population independent (default): the independent
// generator (20,000 family names, 3,000 given names per sex, 2 % duplicated);
// own: the own population, whose 683 family names make blocks unrealistically
// large at a million people.
//
// Loads the lib's build, like the other tools: builds it first through Nx (cached
// when nothing changed), so the numbers are never those of a stale dist.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { repoRoot } from '../devnet/lib/paths.ts';
import { loadFebrl } from './lib/febrl.ts';
import { stringArg } from './lib/bench-args.ts';

// A million records need more than V8's default heap: run again with a larger one
// (and a larger young generation, which halves the time spent collecting short-lived
// matching garbage). The service should be started with the same flags.
const HEAP_FLAGS = ['--max-old-space-size=8192', '--max-semi-space-size=64'];
if (process.env.CARECHAIN_BENCH_MPI_CHILD !== '1') {
  const child = spawnSync(process.execPath, [...HEAP_FLAGS, ...process.execArgv, process.argv[1], ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, CARECHAIN_BENCH_MPI_CHILD: '1' },
  });
  process.exit(child.status ?? 1);
}

const build = spawnSync(join(repoRoot, 'node_modules', '.bin', 'nx'), ['run', 'identity-mpi:build', '--outputStyle=static'], {
  cwd: repoRoot,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
});
if (build.status !== 0) {
  process.stderr.write('bench:mpi: nx run identity-mpi:build failed\n');
  process.exit(1);
}

// A full collection before each heap reading, so the figure is what the index holds.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const require = createRequire(`${repoRoot}/package.json`);
const { generatePopulation, generateIndependentPopulation, normalise, MatchIndex, evaluate, scaledThresholds } = require('@carechain/identity-mpi');

interface Registration {
  recordId: string;
  trueId: string;
  demographics: unknown;
  identifiers: unknown[];
}

const flag = (name: string) => process.argv.includes(`--${name}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const f4 = (x: number) => x.toFixed(4);

const people = Number(stringArg('people', '1000000'));
const timed = Number(stringArg('timed', '10000'));
const runs = Number(stringArg('runs', '3'));
const seeds = stringArg('seeds', '101,102,103').split(',').map(Number);
const size = Number(stringArg('size', '5000'));
const population = stringArg('population', 'independent');

const out = (line: string) => process.stdout.write(`${line}\n`);
out(
  `bench:mpi  node ${process.version} ${HEAP_FLAGS.join(' ')}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB  ${new Date().toISOString()}`,
);

interface Row {
  precision: number;
  recall: number;
  f1: number;
  completeness: number;
  candidates: number;
  reviewShare: number;
  reviewsPer1000: number;
  falseLinks: number;
}

interface Mistake {
  kind: 'false-link' | 'missed';
  cause?: string;
  total?: number;
  levels?: Record<string, string>;
  partner?: { total: number; levels: Record<string, string> };
  competingTotal?: number;
}
const misses: Mistake[] = [];

// The fields of a pair that did not agree exactly: 'given=disagree birthDate=typo address=missing'.
// Fields missing on every record of these data sets (identifiers, phone, e-mail) and a missing gender are left out.
const signature = (levels: Record<string, string> | undefined): string =>
  Object.entries(levels ?? {})
    .filter(([field, level]) => level !== 'exact' && !(level === 'missing' && ['nationalId', 'localId', 'phone', 'email', 'gender'].includes(field)))
    .map(([field, level]) => `${field}=${level}`)
    .join(' ') || '(all exact)';

function printMisses(mistakes: Mistake[]): void {
  const top = (items: string[], n: number) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, n);
  };
  const missed = mistakes.filter((m) => m.kind === 'missed');
  for (const [cause, count] of top(
    missed.map((m) => m.cause ?? '?'),
    10,
  )) {
    out(`    missed, ${cause}: ${count}`);
    // Between two clusters: by how many bits the best led the other.
    const leads = missed.filter((m) => m.cause === cause && m.competingTotal !== undefined).map((m) => Math.floor((m.total ?? 0) - (m.competingTotal ?? 0)));
    if (leads.length > 0)
      out(
        `      best leads the other cluster by (bits: count) ${top(leads.map(String), 12)
          .map(([bits, n]) => `${bits}: ${n}`)
          .join(', ')}`,
      );
    for (const [sig, n] of top(
      missed.filter((m) => m.cause === cause && m.partner).map((m) => signature(m.partner?.levels)),
      6,
    ))
      out(`      ${n}  ${sig}`);
  }
  const falseLinks = mistakes.filter((m) => m.kind === 'false-link');
  out(`    false links: ${falseLinks.length}`);
  for (const [sig, n] of top(
    falseLinks.map((m) => signature(m.levels)),
    8,
  ))
    out(`      ${n}  ${sig}`);
}

function accuracy(records: Registration[], task: 'linkage' | 'dedup'): Row {
  const report = evaluate(records, scaledThresholds(records.length), { maxMistakes: flag('misses') ? Number.POSITIVE_INFINITY : 0 });
  misses.push(...report.mistakes);
  const pairs = task === 'dedup' ? report.pairwise : report;
  return {
    precision: pairs.precision,
    recall: pairs.recall,
    f1: pairs.f1,
    completeness: report.pairCompleteness,
    candidates: report.candidatesPerRegistration,
    reviewShare: report.reviews / report.registrations,
    reviewsPer1000: (1000 * report.reviews) / report.registrations,
    falseLinks: report.falsePositives,
  };
}

const header = '| data | task | precision | recall | F1 | pair completeness | candidates | review share | reviews / 1,000 | wrong links |';
const line = (data: string, task: string, r: Row) =>
  `| ${data} | ${task} | ${f4(r.precision)} | ${f4(r.recall)} | ${f4(r.f1)} | ${(100 * r.completeness).toFixed(2)} % | ${r.candidates.toFixed(1)} | ${(100 * r.reviewShare).toFixed(2)} % | ${r.reviewsPer1000.toFixed(1)} | ${r.falseLinks} |`;
const medianRow = (rows: Row[]): Row => Object.fromEntries(Object.keys(rows[0]).map((k) => [k, median(rows.map((r) => r[k as keyof Row]))])) as unknown as Row;

out('');
out(header);
out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
// A row, then (with --misses) the wrong decisions behind it.
const row = (data: string, task: string, r: Row) => {
  out(line(data, task, r));
  if (flag('misses')) printMisses(misses.splice(0));
};
if (!flag('skip-febrl')) {
  row('FEBRL 4 (5,000 + 5,000)', 'linkage', accuracy([...loadFebrl('dataset4a'), ...loadFebrl('dataset4b')], 'linkage'));
  row('FEBRL 3 (5,000)', 'dedup, pairwise', accuracy(loadFebrl('dataset3'), 'dedup'));
}
for (const task of ['linkage', 'dedup'] as const) {
  const rows = seeds.map((seed) => accuracy(generateIndependentPopulation({ seed, people: size, task }), task));
  row(`independent generator, ${size} people, median of seeds ${seeds.join(', ')}`, task === 'dedup' ? 'dedup, pairwise' : task, medianRow(rows));
}
if (!flag('skip-own')) {
  const own = generatePopulation({ seed: 1, people: 20_000, duplicates: 2_000 });
  row('own population (tuning set), 20,000 + 2,000, seed 1', 're-registration', accuracy(own, 'linkage'));
}

if (!flag('skip-throughput')) {
  const t = performance.now();
  const records: Registration[] =
    population === 'own'
      ? generatePopulation({ seed: 1, people: Math.max(0, people - timed), duplicates: timed })
      : generateIndependentPopulation({ seed: 1, people: Math.round(people / 1.02), duplicatedShare: 0.015 }).slice(0, people);
  const split = Math.max(0, records.length - timed);
  out('');
  out(
    `throughput (${population} population): ${records.length} registrations generated in ${((performance.now() - t) / 1000).toFixed(1)} s; the last ${records.length - split} are timed against an index of ${split}`,
  );
  const results: { rate: number; cpuRate: number; p50: number; p99: number; candidates: number; heap: number; build: number; model: string }[] = [];
  // One run in its own function, so that nothing of its index outlives it and the next run's heap reading starts clean.
  const timedRun = () => {
    const t = performance.now();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const index = new MatchIndex({ thresholds: scaledThresholds(records.length) });
    for (const rec of records.slice(0, split)) index.add(rec.recordId, normalise(rec.demographics, rec.identifiers));
    const buildSeconds = (performance.now() - t) / 1000;
    const latencies: number[] = [];
    let candidates = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (const rec of records.slice(split)) {
      const start = performance.now();
      const person = normalise(rec.demographics, rec.identifiers);
      candidates += index.match(person).candidates;
      index.add(rec.recordId, person);
      latencies.push(performance.now() - start);
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    gc();
    const heap = process.memoryUsage().heapUsed - heapBefore;
    latencies.sort((a, b) => a - b);
    const result = {
      rate: latencies.length / seconds,
      cpuRate: latencies.length / cpuSeconds,
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
      candidates: candidates / latencies.length,
      heap,
      build: buildSeconds,
      model: index.model.version,
    };
    return result;
  };
  for (let r = 0; r < runs; r++) {
    const result = timedRun();
    results.push(result);
    out(
      `  run ${r + 1}: ${result.rate.toFixed(0)} registrations/s wall clock, ${result.cpuRate.toFixed(0)} per CPU-second (normalise + match + add), p50 ${(result.p50 * 1000).toFixed(0)} µs, p99 ${(result.p99 * 1000).toFixed(0)} µs, ${result.candidates.toFixed(1)} candidates scored each; index of ${split} built in ${result.build.toFixed(0)} s (model ${result.model}), heap held ≈ ${(result.heap / 2 ** 30).toFixed(2)} GiB`,
    );
  }
  out(
    `median of ${runs}: ${median(results.map((r) => r.rate)).toFixed(0)} registrations/s wall clock, ${median(results.map((r) => r.cpuRate)).toFixed(0)} per CPU-second, against ${split} records, p50 ${(median(results.map((r) => r.p50)) * 1000).toFixed(0)} µs, p99 ${(median(results.map((r) => r.p99)) * 1000).toFixed(0)} µs, heap ≈ ${(median(results.map((r) => r.heap)) / 2 ** 30).toFixed(2)} GiB`,
  );
}
