// npm run chaos -- [--seed N] [--faults 100] [--duration <s>] [--concurrency 2] [--kinds a,b] [--report file.json]
//
// Faults under load: drives a seeded, steady mixed load through the public HTTP APIs
// (lib/load.ts), meanwhile kills, freezes and restarts services, the Kafka broker,
// Redis, a Fabric peer and the orderer at seeded times (lib/faults.ts), measuring how
// long until every service is ready again; then, once the load has stopped and the
// stack has settled, checks that everything the system acknowledged is there exactly
// once, that the dead-letter queues hold only what the run injected on purpose, a
// sample of events proven on the chain, and, from audit's completeness monitor, that
// every record of every anchored topic is on the chain exactly once on both peers
// (lib/invariants.ts). Prints the seed, faults by kind,
// acknowledged requests by kind, every violation and recovery p50/p99 per fault kind;
// exits 1 on any violation. The same --seed replays the same schedule of faults.
//
// Alone it starts its own Redis, Kafka and Fabric (tools/test/infra.ts, on the test
// suite's ports: CARECHAIN_TEST_PORT_OFFSET); under `npm test` it reuses the suite's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../devnet/lib/paths.ts';
import { percentile } from '../bench/lib/http-load.ts';
import { openChaosStack, type ChaosStack } from './lib/chaos-stack.ts';
import { deadLettersSince, dlqBaseline, injectMalformed, logBaseline } from './lib/dlq.ts';
import { FAULT_KINDS, inject, planFaults, type FaultKind, type FaultOutcome } from './lib/faults.ts';
import { coverage, proofViolations, readModelViolations, type Coverage, type Violation } from './lib/invariants.ts';
import { Ledger } from './lib/ledger.ts';
import { mintTokens, runLoad } from './lib/load.ts';
import { seededRng } from './lib/rng.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    faults: { type: 'string', default: '10' },
    duration: { type: 'string' },
    concurrency: { type: 'string', default: '2' },
    kinds: { type: 'string', default: FAULT_KINDS.join(',') },
    // Longer than the consumers' session timeout (kafkajs' default, 30 s), so the group rebalances without the frozen member.
    'freeze-ms': { type: 'string', default: '35000' },
    'gap-ms': { type: 'string', default: '3000,10000' },
    'recovery-bound-s': { type: 'string', default: '120' },
    'settle-s': { type: 'string', default: '180' },
    proofs: { type: 'string', default: '6' },
    report: { type: 'string' },
  },
});

const log = (m: string) => process.stderr.write(`\x1b[1m[carechain chaos]\x1b[0m ${m}\n`);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const faultCount = Number(values.faults);
const durationMs = values.duration !== undefined ? Number(values.duration) * 1000 : Infinity;
const kinds = values.kinds.split(',').map((k) => {
  if (!(FAULT_KINDS as readonly string[]).includes(k)) throw new Error(`--kinds: unknown fault kind ${k} (one of ${FAULT_KINDS.join(', ')})`);
  return k as FaultKind;
});
const [gapMin, gapMax] = values['gap-ms'].split(',').map(Number) as [number, number];
const recoveryBoundMs = Number(values['recovery-bound-s']) * 1000;
const settleMs = Number(values['settle-s']) * 1000;
for (const [name, n] of Object.entries({ seed, faultCount, gapMin, gapMax, recoveryBoundMs, settleMs, concurrency: Number(values.concurrency) }))
  if (!Number.isFinite(n) || n < 0) throw new Error(`chaos: ${name} must be a non-negative number`);

const underTest = process.env.CARECHAIN_TEST_CONTROL_URL !== undefined;
const logDir = underTest ? join(repoRoot, 'tmp', 'test-results', 'chaos') : join(repoRoot, 'tmp', 'chaos', `seed-${seed}`);

async function settle<T>(what: string, deadline: number, check: () => Promise<T[]>): Promise<T[]> {
  for (;;) {
    const found = await check();
    if (found.length === 0 || Date.now() > deadline) return found;
    log(`${what}: ${found.length} not yet; checking again`);
    await sleep(5_000);
  }
}

function report(
  faults: readonly FaultOutcome[],
  ledger: Ledger,
  violations: readonly Violation[],
  proofsChecked: number,
  findings: Readonly<Record<string, number>>,
  tookMs: number,
): string {
  const lines = [`chaos seed ${seed}: ${faults.length} faults, ${(tookMs / 1000) | 0} s (replay: npm run chaos -- --seed ${seed} --faults ${faultCount})`];
  lines.push('  faults injected, recovery until every service ready (p50 / p99 / max):');
  for (const kind of FAULT_KINDS) {
    const of = faults.filter((f) => f.kind === kind);
    if (of.length === 0) continue;
    const times = of.flatMap((f) => (f.recoveryMs === undefined ? [] : [f.recoveryMs])).sort((a, b) => a - b);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    lines.push(
      `    ${kind.padEnd(18)} ${String(of.length).padStart(3)}  ${times.length ? `${s(percentile(times, 50))} / ${s(percentile(times, 99))} / ${s(times.at(-1)!)}` : '-'}`,
    );
  }
  const kindsOf = (m: Map<string, number>) => [...m.entries()].map(([k, n]) => `${k} ${n}`).join(', ') || '-';
  const total = [...ledger.acknowledged.values()].reduce((a, b) => a + b, 0);
  lines.push(`  requests acknowledged: ${total} (${kindsOf(ledger.acknowledged)})`);
  lines.push(`  refused (4xx): ${kindsOf(ledger.refused)}; unanswered (5xx or none): ${kindsOf(ledger.unanswered)}`);
  lines.push(
    `  checked: ${ledger.patients.size} patients, ${proofsChecked} events proven on both peers, every anchored record by audit's completeness monitor`,
  );
  lines.push(
    `  monitor findings: ${
      Object.entries(findings)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none'
    }`,
  );
  lines.push(`  invariant violations: ${violations.length}`);
  for (const v of violations) lines.push(`    ${v.check}: ${v.detail}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const started = Date.now();
  log(`seed ${seed}`);
  mkdirSync(logDir, { recursive: true });
  let stack: ChaosStack | undefined;
  const interrupted = () => void (stack?.stop() ?? Promise.resolve()).then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    stack = await openChaosStack(log, logDir);
    const tokens = await mintTokens(6 * 3600);
    const ledger = new Ledger();
    // Separate streams: the schedule of faults depends on the seed alone, not on how many requests the load managed.
    const faultRng = seededRng(seed);
    const loadRng = seededRng(seed ^ 0x5bd1e995);
    const plan = planFaults(faultRng, faultCount, stack.instances, kinds, [gapMin, gapMax]);
    const baseline = await dlqBaseline(stack.env);
    const logStart = await logBaseline(stack.env);
    const injected = await injectMalformed(stack.env, seed);

    let stopped = false;
    const load = runLoad({ urls: stack.urls, tokens, rng: loadRng, ledger, concurrency: Number(values.concurrency), seed }, () => stopped);
    const faults: FaultOutcome[] = [];
    for (const fault of plan) {
      if (Date.now() - started > durationMs) break;
      await sleep(fault.gapMs);
      log(`fault ${faults.length + 1}/${plan.length}: ${fault.kind} ${fault.targets.join(' ')}`);
      const outcome = await inject(stack, fault, Number(values['freeze-ms']), recoveryBoundMs * 2);
      faults.push(outcome);
      log(
        `  ${outcome.recoveryMs === undefined ? 'NOT ready again' : `every service ready after ${(outcome.recoveryMs / 1000).toFixed(1)} s`}${outcome.error ? ` (${outcome.error})` : ''}`,
      );
    }
    await sleep(gapMin);
    stopped = true;
    await load;
    log('load stopped; waiting for the stack to settle');

    const violations: Violation[] = [];
    for (const f of faults) {
      if (f.error) violations.push({ check: 'fault', detail: `${f.kind} ${f.targets.join(' ')} at ${f.at}: ${f.error}` });
      if (f.recoveryMs === undefined || f.recoveryMs > recoveryBoundMs)
        violations.push({
          check: 'recovery',
          detail: `${f.kind} ${f.targets.join(' ')} at ${f.at}: not every service ready within ${recoveryBoundMs / 1000} s`,
        });
    }
    const deadline = Date.now() + settleMs;
    const notReady = await settle('services ready', deadline, () => stack!.notReady());
    for (const name of notReady) violations.push({ check: 'ready', detail: `${name} not ready after the load stopped` });
    violations.push(...(await settle('read models caught up', deadline, () => readModelViolations(stack!.urls, tokens, ledger))));
    const letters = await settle('dead letters', deadline, async () => {
      const found = await deadLettersSince(stack!.env, baseline);
      return injected.filter((i) => !found.some((l) => l.key === i.key && l.topic === i.dlq));
    });
    for (const i of letters) violations.push({ check: 'dlq-missing', detail: `the malformed event ${i.key} never reached ${i.dlq}` });
    for (const l of await deadLettersSince(stack.env, baseline))
      if (!injected.some((i) => i.key === l.key))
        violations.push({ check: 'dlq-unexpected', detail: `${l.topic} (group ${l.group}, key ${l.key}): ${l.reason}` });
    const proofRng = seededRng(seed ^ 0x2545f491);
    let proofs = await proofViolations(stack.env, stack.urls, tokens, ledger, proofRng, Number(values.proofs));
    while (proofs.violations.some((v) => v.check === 'proof-missing') && Date.now() < deadline) {
      log('proofs: an event not anchored yet; checking again');
      await sleep(5_000);
      proofs = await proofViolations(stack.env, stack.urls, tokens, ledger, seededRng(seed ^ 0x2545f491), Number(values.proofs));
    }
    violations.push(...proofs.violations);
    // Every record of every anchored topic, not a sample: audit's completeness monitor, once it has accounted for each partition's log.
    let covered: Coverage = await coverage(stack.urls, tokens, logStart);
    while (covered.behind.length > 0 && Date.now() < deadline) {
      log(`completeness monitor: ${covered.behind.length} partition(s) not accounted for yet (${covered.behind[0]}); checking again`);
      await sleep(5_000);
      covered = await coverage(stack.urls, tokens, logStart);
    }
    for (const b of covered.behind) violations.push({ check: 'coverage', detail: `not accounted for on the chain after the settle time: ${b}` });
    violations.push(...covered.violations);

    const text = report(faults, ledger, violations, proofs.checked, covered.counts, Date.now() - started);
    process.stdout.write(`\n${text}\n\n`);
    if (values.report)
      writeFileSync(
        values.report,
        JSON.stringify(
          {
            seed,
            faults,
            acknowledged: Object.fromEntries(ledger.acknowledged),
            refused: Object.fromEntries(ledger.refused),
            unanswered: Object.fromEntries(ledger.unanswered),
            violations,
            proofsChecked: proofs.checked,
            monitorFindings: covered.counts,
          },
          null,
          2,
        ),
      );
    return violations.length === 0 ? 0 : 1;
  } catch (err) {
    log(`chaos run failed (seed ${seed}): ${(err as Error).stack ?? String(err)}`);
    return 1;
  } finally {
    log('stopping what the run started');
    await stack?.stop();
  }
}

process.exitCode = await main();
