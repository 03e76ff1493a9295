// The faults: a seeded schedule (kind, target, pause before it), fixed by the seed
// alone so that `--seed` replays it, then each injected in turn while the load runs,
// and the time until every service answers ready again measured.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChaosStack, Fabric } from './chaos-stack.ts';
import type { Rng } from './rng.ts';

export const FAULT_KINDS = ['service-kill', 'two-services-kill', 'kafka-kill', 'redis-kill', 'peer-kill', 'orderer-kill', 'service-freeze'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const WEIGHTS: Readonly<Record<FaultKind, number>> = {
  'service-kill': 3,
  'two-services-kill': 1.5,
  'kafka-kill': 1,
  'redis-kill': 1,
  'peer-kill': 1,
  'orderer-kill': 1,
  'service-freeze': 1,
};

export interface PlannedFault {
  readonly kind: FaultKind;
  /** Service instances, or the Fabric part. */
  readonly targets: readonly string[];
  /** How long the load runs undisturbed before this fault. */
  readonly gapMs: number;
}

export interface FaultOutcome extends PlannedFault {
  readonly at: string;
  /** From the kill (or the SIGCONT of a freeze) until every service answered ready; undefined if not within the wait. */
  readonly recoveryMs: number | undefined;
  readonly error?: string;
}

export function planFaults(
  rng: Rng,
  count: number,
  instances: readonly string[],
  kinds: readonly FaultKind[],
  gapMs: readonly [number, number],
): PlannedFault[] {
  const plan: PlannedFault[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(kinds.map((k) => [k, WEIGHTS[k]] as const))!;
    const first = rng.pick(instances);
    const targets =
      kind === 'two-services-kill'
        ? [first, rng.pick(instances.filter((n) => n !== first))]
        : kind === 'peer-kill'
          ? [rng.pick<Fabric>(['ProviderOrg', 'PayerOrg'])]
          : kind === 'orderer-kill'
            ? ['orderer']
            : kind === 'kafka-kill' || kind === 'redis-kill'
              ? []
              : [first];
    plan.push({ kind, targets, gapMs: gapMs[0] + rng.int(gapMs[1] - gapMs[0] + 1) });
  }
  return plan;
}

/** Injects `fault`, then waits (at most `waitMs`) until every service is ready again. */
export async function inject(stack: ChaosStack, fault: PlannedFault, freezeMs: number, waitMs: number): Promise<FaultOutcome> {
  const at = new Date().toISOString();
  let from = performance.now();
  let error: string | undefined;
  try {
    switch (fault.kind) {
      case 'service-kill':
      case 'two-services-kill':
        await stack.crashServices(fault.targets);
        break;
      case 'service-freeze':
        await stack.freezeService(fault.targets[0]!, freezeMs);
        from = performance.now();
        break;
      case 'kafka-kill':
        await stack.crashInfra('kafka');
        break;
      case 'redis-kill':
        await stack.crashInfra('redis');
        break;
      case 'peer-kill':
      case 'orderer-kill':
        await stack.crashInfra(fault.targets[0] as Fabric);
        break;
    }
  } catch (err) {
    error = (err as Error).message.split('\n')[0];
  }
  const deadline = from + waitMs;
  // A service notices a lost dependency on its next use: look once it had the chance.
  await sleep(1_000);
  while (performance.now() < deadline) {
    if ((await stack.notReady()).length === 0) return { ...fault, at, recoveryMs: performance.now() - from, ...(error && { error }) };
    await sleep(250);
  }
  return { ...fault, at, recoveryMs: undefined, ...(error && { error }) };
}
