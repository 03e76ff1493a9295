// npm run bench:claims -- [--claims 200000] [--runs 5] [--seed 1] [--chain …, see claims-chain.ts]
// The adjudication engine (@carechain/claims-adjudication) on one core, no services
// needed: builds --claims synthetic claims (1-4 items each, against a 40-code fee
// schedule with deductible, copay, coinsurance, unit limits and prior-authorisation
// codes; each patient with earlier items to check duplicates and units against;
// ~10 % of items failing one rule), then times adjudicate() over all of them.
// Prints claims/s (median of --runs) and the outcome mix, so a change that makes
// the engine faster by deciding differently shows. Target: >= 20,000 claims/s.
//
// Loads the lib's build, like the other tools: builds it first through Nx (cached
// when nothing changed), so the numbers are never those of a stale dist.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../devnet/lib/paths.ts';
import { mulberry32 } from '../../libs/shared/random/src/mulberry32.ts';
import { arg } from './lib/bench-args.ts';

const build = spawnSync(join(repoRoot, 'node_modules', '.bin', 'nx'), ['run', 'claims-adjudication:build', '--outputStyle=static'], {
  cwd: repoRoot,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
});
if (build.status !== 0) {
  process.stderr.write('bench:claims: nx run claims-adjudication:build failed\n');
  process.exit(1);
}

const require = createRequire(`${repoRoot}/package.json`);
const { adjudicate, parseBenefitPlan } = require('@carechain/claims-adjudication');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const n = arg('claims', 200_000);
const runs = arg('runs', 5);
// A seeded generator, so every run decides the same claims.
const random = mulberry32(arg('seed', 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const CPT = 'http://www.ama-assn.org/go/cpt';
const codes = Array.from({ length: 40 }, (_, i) => String(99200 + i));
const services = Object.fromEntries(
  codes.map((code, i) => [code, { allowed: 50 + i * 5, ...(i % 5 === 0 && { unitsPerDay: 2 }), priorAuthorisation: i % 13 === 0 }]),
);
const plan = parseBenefitPlan({
  planId: 'bench',
  version: 1,
  payer: 'payer-c',
  currency: 'EUR',
  codeSystem: CPT,
  deductible: 200,
  copay: 10,
  coinsurance: 0.2,
  timelyFilingDays: 90,
  services,
});
const date = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

process.stdout.write(
  `bench:claims (adjudication in process)  claims=${n} runs=${runs}  node ${process.version}, ${cpus().length} cores  ${new Date().toISOString()}\n`,
);

const claims = Array.from({ length: n }, () => {
  const day = Math.floor(random() * 300);
  const items = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => ({
    sequence: i + 1,
    code: { system: CPT, code: random() < 0.03 ? '10000' : pick(codes) },
    serviceDate: date(day),
    quantity: 1 + Math.floor(random() * 3),
    unitPrice: Math.round((40 + random() * 200) * 100),
    documentation: random() < 0.03 ? 'missing' : 'documented',
  }));
  const priorItems = Array.from({ length: 5 }, () => ({
    provider: 'hospital-a',
    code: pick(codes),
    serviceDate: date(Math.floor(random() * 300)),
    quantity: 1,
  }));
  return {
    provider: 'hospital-a',
    insurer: 'payer-c',
    submittedOn: date(day + (random() < 0.02 ? 120 : 3)),
    coverage: { payer: 'payer-c', planId: 'bench', status: 'active', start: '2026-01-01', end: '2026-12-31' },
    items,
    priorItems,
    authorisedCodes: new Set(random() < 0.5 ? [codes[0]!] : []),
    deductibleMet: Math.floor(random() * 30_000),
  };
});

const rates: number[] = [];
let outcomes: Record<string, number> = {};
for (let run = 0; run < runs; run++) {
  outcomes = {};
  const t = performance.now();
  for (const claim of claims) {
    const decision = adjudicate(plan, claim);
    outcomes[decision.outcome] = (outcomes[decision.outcome] ?? 0) + 1;
  }
  const seconds = (performance.now() - t) / 1000;
  rates.push(n / seconds);
  process.stdout.write(`  run ${run + 1}: ${Math.round(n / seconds).toLocaleString('en')} claims/s (${(seconds * 1000).toFixed(0)} ms)\n`);
}
const items = claims.reduce((sum, c) => sum + c.items.length, 0);
process.stdout.write(
  `  outcomes: ${Object.entries(outcomes)
    .map(([k, v]) => `${k} ${((100 * v) / n).toFixed(1)} %`)
    .join(', ')}; ${(items / n).toFixed(2)} items per claim\n`,
);
process.stdout.write(`median: ${Math.round(median(rates)).toLocaleString('en')} claims/s adjudicated (target >= 20,000)\n`);

// The chain half needs the running stack: only on request.
if (process.argv.includes('--chain')) await import('./claims-chain.ts');
