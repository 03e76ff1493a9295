// npm run bench:mpi -- [--people 100000] [--duplicates 10000] [--timed 10000] [--runs 3] [--seed 1]
// The master patient index (@carechain/identity-mpi) on one core, no services
// needed. Generates a synthetic population with ground truth (people registered
// once, plus noisy re-registrations), registers all but the last --timed
// registrations into a MatchIndex untimed, then times normalise + match + add for
// the last ones against that index: registrations/s and per-registration
// p50/p99, median of --runs. Finally replays the whole set in order and prints
// precision/recall/F1 of the 'link' decisions and the size of the review band.
//
// Loads the lib's build, like the other tools: builds it first through Nx (cached
// when nothing changed), so the numbers are never those of a stale dist.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../devnet/lib/paths.ts';

const build = spawnSync(join(repoRoot, 'node_modules', '.bin', 'nx'), ['run', 'identity-mpi:build', '--outputStyle=static'], {
  cwd: repoRoot,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
});
if (build.status !== 0) {
  process.stderr.write('bench:mpi: nx run identity-mpi:build failed\n');
  process.exit(1);
}

const require = createRequire(`${repoRoot}/package.json`);
const { generatePopulation, normalise, MatchIndex, evaluate, DEFAULT_THRESHOLDS } = require('@carechain/identity-mpi');

interface Registration {
  recordId: string;
  trueId: string;
  demographics: unknown;
  identifiers: unknown[];
}

const arg = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const people = arg('people', 100_000);
const duplicates = arg('duplicates', 10_000);
const timed = arg('timed', 10_000);
const runs = arg('runs', 3);
const seed = arg('seed', 1);

process.stdout.write(`bench:mpi  people=${people} duplicates=${duplicates} timed=${timed} runs=${runs} seed=${seed}  node ${process.version}, ${cpus().length} cores  ${new Date().toISOString()}\n`);

let t = performance.now();
const records: Registration[] = generatePopulation({ seed, people, duplicates });
const split = Math.max(0, records.length - timed);
const seen = new Set(records.slice(0, split).map((r) => r.trueId));
let timedDuplicates = 0;
for (const r of records.slice(split)) {
  if (seen.has(r.trueId)) timedDuplicates++;
  seen.add(r.trueId);
}
process.stdout.write(`  population: ${records.length} registrations generated in ${((performance.now() - t) / 1000).toFixed(1)} s; the last ${records.length - split} (${timedDuplicates} of them duplicates) are timed against an index of ${split}\n`);

function run(): { rate: number; p50: number; p99: number; candidates: number } {
  const index = new MatchIndex();
  for (const r of records.slice(0, split)) index.add(r.recordId, normalise(r.demographics, r.identifiers));
  const latencies: number[] = [];
  let candidates = 0;
  const t0 = performance.now();
  for (const r of records.slice(split)) {
    const start = performance.now();
    const person = normalise(r.demographics, r.identifiers);
    candidates += index.match(person).candidates;
    index.add(r.recordId, person);
    latencies.push(performance.now() - start);
  }
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99), candidates: candidates / latencies.length };
}

const results = [];
for (let r = 0; r < runs; r++) {
  const result = run();
  results.push(result);
  process.stdout.write(
    `  run ${r + 1}: ${result.rate.toFixed(0)} registrations/s (normalise + match + add), p50 ${(result.p50 * 1000).toFixed(0)} µs, p99 ${(result.p99 * 1000).toFixed(0)} µs, ${result.candidates.toFixed(1)} candidates scored per registration\n`,
  );
}
process.stdout.write(`median of ${runs}: ${median(results.map((r) => r.rate)).toFixed(0)} registrations/s against ${split} records, p99 ${(median(results.map((r) => r.p99)) * 1000).toFixed(0)} µs\n`);

t = performance.now();
const report = evaluate(records, DEFAULT_THRESHOLDS);
const seconds = (performance.now() - t) / 1000;
const pc = (x: number) => `${(100 * x).toFixed(2)}%`;
process.stdout.write(
  `accuracy over all ${report.registrations} registrations in order (thresholds link ${DEFAULT_THRESHOLDS.link}, review ${DEFAULT_THRESHOLDS.review}; ${(report.registrations / seconds).toFixed(0)} registrations/s end to end):\n` +
    `  duplicates ${report.duplicates}, links ${report.links} (${report.truePositives} right, ${report.falsePositives} wrong), missed ${report.falseNegatives}\n` +
    `  precision ${report.precision.toFixed(4)}  recall ${report.recall.toFixed(4)}  F1 ${report.f1.toFixed(4)}\n` +
    `  review band ${report.reviews} (${pc(report.reviews / report.registrations)} of registrations), of which ${report.reviewedDuplicates} duplicates\n` +
    `  missed by noise: ${Object.entries(report.missedByNoise).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}\n`,
);
