// The carechain services as devnet processes: each instance of libs/contracts'
// service catalogue, with the environment the catalogue builds for it on this
// stack (its port, the devnet's Kafka/Redis/Fabric, dev token keys), and how to
// wait until it is ready.
import { join } from 'node:path';
import { startProcess, waitFor, type Proc } from './lib/proc.ts';
import { port } from './lib/ports.ts';
import { repoRoot } from './lib/paths.ts';
import { loginsOf, type DataPlaneCredentials } from './lib/data-plane-credentials.ts';
import { keysMaxCompactionLagMs } from './topics.ts';
import { DEV_AUDIENCE, DEV_ISSUER } from './lib/dev-keys.ts';
import {
  localEnvironment,
  serviceInstance,
  SERVICE_INSTANCES,
  SERVICE_NAMES,
  type LocalStackFacts,
  type ServiceInstance,
  type ServiceName,
} from '../../libs/contracts/src/service-catalogue.ts';

export { SERVICE_INSTANCES, SERVICE_NAMES, type LocalStackFacts, type ServiceName };

/** The stack's parts, as started: what the services' environments are built from. */
export interface StackParts {
  readonly host: string;
  readonly kafka: { readonly brokers: readonly string[] };
  readonly redis: { readonly url: string };
  /** The dev token keys the services trust (AUTH_MODE=dev). */
  readonly keys: { readonly jwksFile: string; readonly privateJwkFile?: string };
  readonly fabric?: { readonly networkFile: string };
  readonly ledgerCommitmentKey?: string;
  /** The development KMS keyring wrapping patient keys. */
  readonly keyringFile?: string;
  /** Each service's Kafka principal and Redis user (their password files). */
  readonly credentials: DataPlaneCredentials;
}

/** The devnet's facts: its parts, and what a developer may set in `env` (LOG_LEVEL, CLAIMS_BENEFIT_PLANS_FILE, DOCS_UI). */
export function localStackFacts(parts: StackParts, env: NodeJS.ProcessEnv): LocalStackFacts {
  return {
    host: parts.host,
    kafkaBrokers: parts.kafka.brokers,
    redisUrl: parts.redis.url,
    logins: loginsOf(parts.credentials),
    auth: {
      jwksFile: parts.keys.jwksFile,
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      ...(parts.keys.privateJwkFile && { privateJwkFile: parts.keys.privateJwkFile }),
    },
    // audit's exports ask these over HTTP, at the ports the devnet starts them on.
    serviceUrls: Object.fromEntries((['identity', 'consent', 'records', 'claims'] as const).map((name) => [name, serviceUrl(name, env, parts.host)])),
    ...(parts.keyringFile && { keyringFile: parts.keyringFile }),
    ...(parts.fabric && { fabricNetworkFile: parts.fabric.networkFile }),
    ...(parts.ledgerCommitmentKey && { ledgerCommitmentKey: parts.ledgerCommitmentKey }),
    keysMaxCompactionLagMs: keysMaxCompactionLagMs(env),
    // The devnet's payers decide claims by the example plans unless told otherwise (README, claims walk-through).
    claimsBenefitPlansFile: env.CLAIMS_BENEFIT_PLANS_FILE ?? join(repoRoot, 'apps', 'claims', 'benefit-plans.dev.json'),
    // The devnet runs both organisations' ledger-writers, so claims waits for the ClaimContract's verdict.
    claimsAwaitChainVerdict: (env.CLAIMS_AWAIT_CHAIN_VERDICT ?? 'true') === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    docsUi: env.DOCS_UI !== 'false',
  };
}

export function serviceUrl(name: string, env: NodeJS.ProcessEnv, host: string): string {
  const i = serviceInstance(name);
  return `http://${host}:${port(i.portVariable, i.defaultPort, env)}`;
}

export function serviceEnv(instance: ServiceInstance, facts: LocalStackFacts, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    NODE_ENV: env.NODE_ENV ?? 'development',
    ...localEnvironment(instance, port(instance.portVariable, instance.defaultPort, env), facts),
  };
}

export async function isReady(url: string): Promise<boolean> {
  const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
  return res.ok;
}

export async function startService(instance: ServiceInstance, facts: LocalStackFacts, env: NodeJS.ProcessEnv, logDir: string): Promise<Proc & { url: string }> {
  // e.g. CARECHAIN_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile every service (Node refuses --cpu-prof in NODE_OPTIONS).
  const extra = (env.CARECHAIN_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = startProcess(
    instance.name,
    process.execPath,
    ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', ...extra, join(repoRoot, 'apps', instance.service, 'dist', 'main.js')],
    {
      cwd: repoRoot,
      env: serviceEnv(instance, facts, env),
      logFile: join(logDir, `${instance.name}.log`),
    },
  );
  const url = serviceUrl(instance.name, env, facts.host);
  await waitFor(`${instance.name} to be ready at ${url}/health/ready`, () => isReady(url), { proc, timeoutMs: 90_000, intervalMs: 250 });
  return Object.assign(proc, { url });
}
