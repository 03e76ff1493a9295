// The six carechain services (and the PayerOrg's ledger-writer) as devnet processes: the environment each gets
// (its port, the devnet's Kafka/Redis/Fabric, dev token keys) and how to wait
// until it is ready.
import { join } from 'node:path';
import { startProcess, waitFor, type Proc } from './lib/proc.ts';
import { port } from './lib/ports.ts';
import { repoRoot } from './lib/paths.ts';
import type { DataPlaneCredentials } from './lib/data-plane-credentials.ts';

export const SERVICES = [
  { name: 'identity', portVar: 'IDENTITY_PORT', defaultPort: 3001 },
  { name: 'consent', portVar: 'CONSENT_PORT', defaultPort: 3002 },
  { name: 'records', portVar: 'RECORDS_PORT', defaultPort: 3003 },
  { name: 'claims', portVar: 'CLAIMS_PORT', defaultPort: 3004 },
  { name: 'ledger-writer', portVar: 'LEDGER_WRITER_PORT', defaultPort: 3005 },
  { name: 'audit', portVar: 'AUDIT_PORT', defaultPort: 3006 },
] as const;

export type ServiceName = (typeof SERVICES)[number]['name'];

/** One process the devnet runs: an instance of a service's app, with settings of its own. */
export interface ServiceInstance {
  readonly name: string;
  readonly app: ServiceName;
  readonly portVar: string;
  readonly defaultPort: number;
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Every service once, plus the PayerOrg's ledger-writer: each organisation submits its
 * own claim transitions with its own Fabric identity (same app and data-plane principal).
 */
export const INSTANCES: readonly ServiceInstance[] = [
  ...SERVICES.map((s) => ({ ...s, app: s.name })),
  { name: 'ledger-writer-payer', app: 'ledger-writer', portVar: 'LEDGER_WRITER_PAYER_PORT', defaultPort: 3007, env: { FABRIC_ORG: 'PayerOrg' } },
];

function instance(name: string): ServiceInstance {
  const found = INSTANCES.find((x) => x.name === name);
  if (!found) throw new Error(`no devnet service instance ${name}`);
  return found;
}

export interface Infra {
  readonly host: string;
  readonly kafkaBrokers: readonly string[];
  readonly redisUrl: string;
  readonly jwksFile: string;
  readonly issuer: string;
  readonly audience: string;
  readonly fabricNetworkFile?: string;
  readonly ledgerCommitmentKey?: string;
  /** The development KMS keyring wrapping patient keys. */
  readonly keyringFile?: string;
  /** Each service's Kafka principal and Redis user (their password files). */
  readonly credentials: DataPlaneCredentials;
}

/** A service's logins to Kafka and Redis: its own principal, its password read from a file. */
export function dataPlaneEnv(name: string, credentials: DataPlaneCredentials): Record<string, string> {
  const kafka = credentials.kafka[name];
  const redis = credentials.redis[name];
  if (!kafka || !redis) throw new Error(`no Kafka/Redis credentials for service ${name}`);
  return {
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: kafka.username,
    KAFKA_SASL_PASSWORD_FILE: kafka.passwordFile,
    REDIS_USERNAME: redis.username,
    REDIS_PASSWORD_FILE: redis.passwordFile,
  };
}

export function serviceUrl(name: string, env: NodeJS.ProcessEnv, host: string): string {
  const s = instance(name);
  return `http://${host}:${port(s.portVar, s.defaultPort, env)}`;
}

export function serviceEnv(name: string, infra: Infra, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const s = instance(name);
  return {
    ...env,
    NODE_ENV: env.NODE_ENV ?? 'development',
    HOST: infra.host,
    PORT: String(port(s.portVar, s.defaultPort, env)),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    REDIS_URL: infra.redisUrl,
    ...dataPlaneEnv(s.app, infra.credentials),
    AUTH_MODE: 'dev',
    AUTH_DEV_JWKS_FILE: infra.jwksFile,
    AUTH_ISSUER: infra.issuer,
    AUTH_AUDIENCE: infra.audience,
    LOG_LEVEL: env.LOG_LEVEL ?? 'info',
    ...(infra.fabricNetworkFile && { FABRIC_NETWORK_FILE: infra.fabricNetworkFile, FABRIC_ORG: env.FABRIC_ORG ?? 'ProviderOrg' }),
    ...(infra.ledgerCommitmentKey && { LEDGER_COMMITMENT_KEY: infra.ledgerCommitmentKey }),
    ...(infra.keyringFile && { KMS_PROVIDER: 'local', KMS_KEYRING_FILE: infra.keyringFile }),
    KEYS_MAX_COMPACTION_LAG_MS: env.CARECHAIN_KEYS_MAX_COMPACTION_LAG_MS ?? '3000',
    // The devnet's payers decide claims by the example plans unless told otherwise (README, claims walk-through).
    ...(name === 'claims' && { CLAIMS_BENEFIT_PLANS_FILE: env.CLAIMS_BENEFIT_PLANS_FILE ?? join(repoRoot, 'apps', 'claims', 'benefit-plans.dev.json') }),
    // The devnet runs both organisations' ledger-writers, so claims waits for the ClaimContract's verdict.
    ...(name === 'claims' && { CLAIMS_AWAIT_CHAIN_VERDICT: env.CLAIMS_AWAIT_CHAIN_VERDICT ?? 'true' }),
    ...s.env,
  };
}

export async function isReady(url: string): Promise<boolean> {
  const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
  return res.ok;
}

export async function startService(name: string, infra: Infra, env: NodeJS.ProcessEnv, logDir: string): Promise<Proc & { url: string }> {
  // e.g. CARECHAIN_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile every service (Node refuses --cpu-prof in NODE_OPTIONS).
  const extra = (env.CARECHAIN_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = startProcess(
    name,
    process.execPath,
    ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', ...extra, join(repoRoot, 'apps', instance(name).app, 'dist', 'main.js')],
    {
      cwd: repoRoot,
      env: serviceEnv(name, infra, env),
      logFile: join(logDir, `${name}.log`),
    },
  );
  const url = serviceUrl(name, env, infra.host);
  await waitFor(`${name} to be ready at ${url}/health/ready`, () => isReady(url), { proc, timeoutMs: 90_000, intervalMs: 250 });
  return Object.assign(proc, { url });
}
