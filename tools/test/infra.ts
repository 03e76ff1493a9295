// The test suite's private infrastructure: its own Redis, Kafka and Fabric
// network on shifted ports and in a temporary state dir, so `npm test` never
// touches a developer's running stack (and two test runs never share state).
import { createServer, type Server } from 'node:http';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, repoRoot } from '../devnet/lib/paths.ts';
import { reapStale } from '../devnet/lib/proc.ts';
import { ensureDevKeys, DEV_AUDIENCE, DEV_ISSUER } from '../devnet/lib/dev-keys.ts';
import { ensureLedgerKey } from '../devnet/lib/ledger-key.ts';
import { ensureDevKeyring } from '../devnet/lib/dev-keyring.ts';
import { startRedis, type RedisHandle } from '../devnet/redis.ts';
import { startKafka, type KafkaHandle } from '../devnet/kafka.ts';
import { startFabric, type FabricHandle } from '../devnet/fabric.ts';
import { ORGS, type OrgName } from '../devnet/fabric-topology.ts';
import { startJaeger, type JaegerHandle } from '../devnet/jaeger.ts';
import { ensureTopics } from '../devnet/topics.ts';
import { ensureDataPlaneCredentials } from '../devnet/lib/data-plane-credentials.ts';
import { localStackFacts, SERVICE_NAMES } from '../devnet/services.ts';
import { devnetSecrets, secretsInLogs } from './secrets-in-logs.ts';

// Far from the devnet's defaults (3001-3006, 6379, 7050-9999) and from each other.
// CARECHAIN_TEST_PORT_OFFSET moves it, so that two checkouts can run their suites at once.
export const TEST_PORT_OFFSET = process.env.CARECHAIN_TEST_PORT_OFFSET ?? '20000';

export interface TestInfra {
  readonly env: NodeJS.ProcessEnv;
  /** Where each secret the infrastructure generated turns up in the logs under `dirs` and its own (none, or a finding per file). */
  secretsInLogs(dirs: readonly string[]): string[];
  stop(): Promise<void>;
}

/**
 * A localhost control endpoint through which end-to-end specs stop/start the peers, pause Kafka and read blocks,
 * and the chaos runner (tools/chaos) crashes and restarts Kafka, Redis, the orderer or a peer.
 */
function controlServer(fabric: FabricHandle, kafka: KafkaHandle, redis: RedisHandle): Promise<Server> {
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    // `?org=PayerOrg` stops or starts one organisation's peer only.
    const target = new URL(req.url ?? '/', 'http://control');
    const org = target.searchParams.get('org');
    const orgs = ORGS.filter((o: OrgName) => o === org);
    // `?part=orderer|ProviderOrg|PayerOrg`: what /fabric/crash kills and restarts.
    const part = [...ORGS, 'orderer' as const].find((p) => p === target.searchParams.get('part'));
    const crash =
      req.method !== 'POST'
        ? undefined
        : target.pathname === '/kafka/crash'
          ? () => kafka.crash()
          : target.pathname === '/redis/crash'
            ? () => redis.crash()
            : target.pathname === '/fabric/crash' && part
              ? () => fabric.crash(part)
              : undefined;
    const action = crash
      ? crash().then(() => ({ ok: true }))
      : req.method === 'POST' && target.pathname === '/fabric/peers/stop'
        ? fabric.stopPeers(orgs.length > 0 ? orgs : ORGS).then(() => ({ ok: true }))
        : req.method === 'POST' && target.pathname === '/fabric/peers/start'
          ? fabric.startPeers(orgs.length > 0 ? orgs : ORGS).then(() => ({ ok: true }))
          : req.method === 'POST' && req.url === '/kafka/pause'
            ? Promise.resolve(kafka.pause()).then(() => ({ ok: true }))
            : req.method === 'POST' && req.url === '/kafka/resume'
              ? Promise.resolve(kafka.resume()).then(() => ({ ok: true }))
              : req.method === 'GET' && req.url === '/fabric/blocks'
                ? fabric.fetchBlocks().then((blocks) => ({ blocks: blocks.map((b) => b.toString('base64')) }))
                : undefined;
    if (!action) return reply(404, { error: 'unknown control action' });
    action.then(
      (body) => reply(200, body),
      (err: Error) => reply(500, { error: err.message }),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** `state`: where its data and logs go (the chaos runner, run alone, keeps its own beside the suite's). */
export async function startTestInfra(log: (m: string) => void, state = join(repoRoot, 'tmp', 'test-state')): Promise<TestInfra> {
  // One fixed place (not a fresh temp dir) so a run killed half-way is cleaned up by the next.
  await reapStale(state, log);
  rmSync(state, { recursive: true, force: true });
  mkdirSync(state, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, CARECHAIN_PORT_OFFSET: TEST_PORT_OFFSET, CARECHAIN_STATE_DIR: state };
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err: Error) => log(`stop: ${err.message}`));
    rmSync(state, { recursive: true, force: true });
  };
  try {
    const keys = await ensureDevKeys(cacheDir());
    const credentials = ensureDataPlaneCredentials(SERVICE_NAMES, env);
    const redis = await startRedis(credentials, { env, log });
    stops.push(redis.stop);
    const kafka = await startKafka(credentials, { env, log });
    stops.push(kafka.stop);
    await ensureTopics(kafka.brokers, kafka.admin, log);
    const fabric = await startFabric({ env, log });
    stops.push(fabric.stop);
    // Jaeger for the trace-and-metrics spec (built once from the Go module proxy, cached);
    // CARECHAIN_TEST_JAEGER=0 leaves it out and that spec says it was skipped.
    let jaeger: JaegerHandle | undefined;
    if (process.env.CARECHAIN_TEST_JAEGER !== '0') {
      jaeger = await startJaeger({ env, log });
      stops.push(jaeger.stop);
    }
    const control = await controlServer(fabric, kafka, redis);
    stops.push(() => new Promise((resolve) => control.close(() => resolve())));
    const address = control.address();
    const controlPort = typeof address === 'object' && address ? address.port : 0;
    const ledgerKey = await ensureLedgerKey(cacheDir());
    const keyringFile = await ensureDevKeyring(cacheDir());
    // The services the specs start get the devnet's environment, but no Swagger UI, no benefit plans and no wait for the chain's
    // verdict on claims (a spec that wants them gives its own, and starts the PayerOrg's ledger-writer).
    const {
      claimsBenefitPlansFile: _plans,
      claimsAwaitChainVerdict: _await,
      // Each spec starts the services it needs on free ports; one that exports gives audit their URLs.
      serviceUrls: _urls,
      ...devnetFacts
    } = localStackFacts(
      { host: '127.0.0.1', kafka, redis, keys, fabric, ledgerCommitmentKey: ledgerKey, keyringFile, credentials },
      { ...env, LOG_LEVEL: 'info' },
    );
    const secrets = devnetSecrets(credentials, { keyringFile, ledgerKey, privateJwkFile: keys.privateJwkFile });
    return {
      env: {
        ...env,
        // The specs' own clients (and tools they run, e.g. tools/verify) are the admin: they create private topics and read anything.
        KAFKA_SASL_MECHANISM: kafka.admin.mechanism,
        KAFKA_SASL_USERNAME: kafka.admin.username,
        KAFKA_SASL_PASSWORD_FILE: credentials.kafkaAdmin.passwordFile,
        CARECHAIN_TEST_STATE_DIR: state,
        CARECHAIN_TEST_REDIS_URL: redis.adminUrl,
        CARECHAIN_TEST_REDIS_PLAIN_URL: redis.url,
        CARECHAIN_TEST_KAFKA_BROKERS: kafka.brokers.join(','),
        CARECHAIN_TEST_KAFKA_USERNAME: kafka.admin.username,
        CARECHAIN_TEST_KAFKA_PASSWORD: kafka.admin.password,
        // What libs/contracts' localEnvironment builds a service's environment from (its logins are names and password files).
        CARECHAIN_TEST_STACK_FACTS: JSON.stringify({ ...devnetFacts, docsUi: false }),
        CARECHAIN_TEST_FABRIC_NETWORK: fabric.networkFile,
        CARECHAIN_TEST_JWKS_FILE: keys.jwksFile,
        CARECHAIN_TEST_PRIVATE_JWK_FILE: keys.privateJwkFile,
        CARECHAIN_TEST_ISSUER: DEV_ISSUER,
        CARECHAIN_TEST_AUDIENCE: DEV_AUDIENCE,
        CARECHAIN_TEST_LEDGER_KEY: ledgerKey,
        CARECHAIN_TEST_KEYRING_FILE: keyringFile,
        CARECHAIN_TEST_CONTROL_URL: `http://127.0.0.1:${controlPort}`,
        ...(jaeger && {
          CARECHAIN_TEST_JAEGER_OTLP: jaeger.otlpEndpoint,
          CARECHAIN_TEST_JAEGER_UI: jaeger.uiUrl,
          CARECHAIN_TEST_JAEGER_METRICS: jaeger.metricsUrl,
        }),
      },
      // Kafka's data dir holds topic segments (named *.log), not logs.
      secretsInLogs: (dirs) => secretsInLogs([...dirs, state], secrets, [join(state, 'kafka', 'data'), join(state, 'credentials')]),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
