// What the chaos runner drives: the test suite's private infrastructure (Redis,
// Kafka, Fabric; tools/test/infra.ts) — reused when `npm test` already runs it,
// started here otherwise — and every instance of the service catalogue as a
// process of its own (tools/devnet/services.ts), which the runner kills, freezes
// and restarts.
import { join } from 'node:path';
import { repoRoot } from '../../devnet/lib/paths.ts';
import { killGroup, type Proc } from '../../devnet/lib/proc.ts';
import { isReady, SERVICE_INSTANCES, serviceUrl, startService, type LocalStackFacts } from '../../devnet/services.ts';
import { startTestInfra, type TestInfra } from '../../test/infra.ts';

export type Fabric = 'orderer' | 'ProviderOrg' | 'PayerOrg';

export interface ChaosStack {
  /** The infrastructure's environment (CARECHAIN_TEST_*: Kafka admin, keyring, network file). */
  readonly env: NodeJS.ProcessEnv;
  /** Service instance name → its base URL. */
  readonly urls: Readonly<Record<string, string>>;
  readonly instances: readonly string[];
  /** SIGKILL of the instances, then each restarted and waited for (ready). */
  crashServices(names: readonly string[]): Promise<void>;
  /** SIGSTOP of an instance for `ms`, then SIGCONT. */
  freezeService(name: string, ms: number): Promise<void>;
  /** A crash and restart of an infrastructure part, through the test infrastructure's control endpoint. */
  crashInfra(part: 'kafka' | 'redis' | Fabric): Promise<void>;
  /** The instances not answering ready now. */
  notReady(): Promise<string[]>;
  stop(): Promise<void>;
}

async function control(env: NodeJS.ProcessEnv, path: string): Promise<void> {
  const res = await fetch(`${env.CARECHAIN_TEST_CONTROL_URL}${path}`, { method: 'POST' });
  if (!res.ok) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
}

export async function openChaosStack(log: (m: string) => void, logDir: string): Promise<ChaosStack> {
  let infra: TestInfra | undefined;
  // Under `npm test` (tools/test/run.ts) the tier gets the running infrastructure's environment.
  if (!process.env.CARECHAIN_TEST_CONTROL_URL) {
    log('starting a private Redis + Kafka + Fabric (tools/test/infra.ts)');
    infra = await startTestInfra(log, join(repoRoot, 'tmp', 'chaos-state'));
  }
  const env = infra?.env ?? process.env;
  const facts: LocalStackFacts = {
    ...(JSON.parse(env.CARECHAIN_TEST_STACK_FACTS!) as LocalStackFacts),
    // Payers decide claims by the example plans, as on the devnet; claims answers without waiting for the chain's verdict.
    claimsBenefitPlansFile: join(repoRoot, 'apps', 'claims', 'benefit-plans.dev.json'),
    claimsAwaitChainVerdict: false,
  };
  const instances = SERVICE_INSTANCES.map((i) => i.name);
  const urls = Object.fromEntries(instances.map((n) => [n, serviceUrl(n, env, facts.host)]));
  const procs = new Map<string, Proc>();
  const start = async (name: string) => {
    procs.set(
      name,
      await startService(
        SERVICE_INSTANCES.find((i) => i.name === name)!,
        facts,
        env,
        logDir,
      ),
    );
  };
  const stopServices = async () => {
    await Promise.all([...procs.values()].map((p) => p.stop({ graceMs: 10_000 })));
    procs.clear();
  };
  try {
    log(`starting ${instances.join(', ')} (logs in ${logDir})`);
    await Promise.all(instances.map(start));
  } catch (err) {
    await stopServices();
    await infra?.stop();
    throw err;
  }
  return {
    env,
    urls,
    instances,
    async crashServices(names) {
      await Promise.all(names.map((n) => procs.get(n)!.stop({ signal: 'SIGKILL' })));
      await Promise.all(names.map(start));
    },
    async freezeService(name, ms) {
      const pid = procs.get(name)!.pid;
      killGroup(pid, 'SIGSTOP');
      await new Promise((resolve) => setTimeout(resolve, ms));
      killGroup(pid, 'SIGCONT');
    },
    crashInfra: (part) => control(env, part === 'kafka' || part === 'redis' ? `/${part}/crash` : `/fabric/crash?part=${part}`),
    async notReady() {
      const ready = await Promise.all(instances.map((n) => isReady(urls[n]!).catch(() => false)));
      return instances.filter((_, i) => !ready[i]);
    },
    async stop() {
      await stopServices();
      await infra?.stop();
    },
  };
}
