// The local stack: Redis, Kafka (with carechain's topics), the Fabric network with
// its chaincode, and the six services, as native processes.
//
//   start  foreground; Ctrl-C or SIGTERM stops everything it started
//          (--observe or CARECHAIN_OBSERVE=1 adds Jaeger and exports every trace to it)
//   up     the same in the background (this script re-runs itself detached)
//   down   stops a background stack; --purge also wipes its data (ledger included)
//   status prints what runs where
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, killGroup, reapStale, run, tail, type Proc } from './lib/proc.ts';
import { cacheDir, repoRoot, stateDir } from './lib/paths.ts';
import { host } from './lib/ports.ts';
import { ensureDevKeys, DEV_AUDIENCE, DEV_ISSUER } from './lib/dev-keys.ts';
import { ensureDevKeyring } from './lib/dev-keyring.ts';
import { ensureLedgerKey } from './lib/ledger-key.ts';
import { ensureDataPlaneCredentials } from './lib/data-plane-credentials.ts';
import { startRedis } from './redis.ts';
import { startKafka } from './kafka.ts';
import { purgeFabric, startFabric } from './fabric.ts';
import { ensureTopics } from './topics.ts';
import { INSTANCES, SERVICES, serviceUrl, startService, type Infra } from './services.ts';
import { startJaeger } from './jaeger.ts';

const log = (m: string) => process.stderr.write(`\x1b[1m[carechain]\x1b[0m ${m}\n`);

interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

export async function buildAll(): Promise<void> {
  log('building (nx, cached)');
  await run(join(repoRoot, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'build', '--outputStyle=static'], { cwd: repoRoot });
}

async function start(): Promise<void> {
  const state = stateDir();
  mkdirSync(state, { recursive: true });
  const started: Stoppable[] = [];
  let stopping = false;
  const stopAll = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${why})`);
    for (const s of started.reverse()) {
      await s.stop().catch((err: Error) => log(`${s.name}: ${err.message}`));
    }
    rmSync(join(state, 'stack.ready'), { force: true });
    log('stopped');
  };
  // Listening on (not once): a second Ctrl-C while stopping must not kill this process
  // half-way and leave the rest of the stack running.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!stopping) void stopAll(signal).then(() => process.exit(0));
    });
  }

  try {
    const t0 = Date.now();
    await reapStale(state, log);
    const keys = await ensureDevKeys(cacheDir());
    await buildAll();
    const credentials = ensureDataPlaneCredentials(SERVICES.map((s) => s.name));
    const redis = await startRedis(credentials, { log });
    started.push({ name: 'redis', stop: redis.stop });
    const kafka = await startKafka(credentials, { log });
    started.push({ name: 'kafka', stop: kafka.stop });
    await ensureTopics(kafka.brokers, kafka.admin, log);
    const fabric = await startFabric({ log });
    started.push({ name: 'fabric', stop: fabric.stop });
    if (process.argv.includes('--observe') || process.env.CARECHAIN_OBSERVE === '1') {
      // Jaeger first, so every service exports its traces to it from its first request.
      const jaeger = await startJaeger({ log });
      started.push({ name: 'jaeger', stop: jaeger.stop });
      process.env.OTEL_EXPORTER_OTLP_ENDPOINT = jaeger.otlpEndpoint;
    }

    const infra: Infra = {
      host: host(),
      kafkaBrokers: kafka.brokers,
      redisUrl: redis.url,
      jwksFile: keys.jwksFile,
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      fabricNetworkFile: fabric.networkFile,
      ledgerCommitmentKey: await ensureLedgerKey(cacheDir()),
      keyringFile: await ensureDevKeyring(cacheDir()),
      credentials,
    };
    const logDir = join(state, 'logs');
    const services: Proc[] = [];
    for (const s of INSTANCES) {
      const proc = await startService(s.name, infra, process.env, logDir);
      services.push(proc);
      started.push({ name: s.name, stop: () => proc.stop() });
    }
    printSummary(infra, fabric.network, logDir, Date.now() - t0);
    writeFileSync(join(state, 'stack.ready'), String(process.pid));
    // A service that dies takes the stack down with a clear message rather than leaving half a system.
    const dead = await Promise.race(services.map((p) => p.exited.then(() => p)));
    if (!stopping) {
      log(`${dead.name} exited unexpectedly; last lines of ${dead.logFile}:\n${tail(dead.logFile)}`);
      await stopAll(`${dead.name} died`);
      process.exit(1);
    }
  } catch (err) {
    log((err as Error).message);
    await stopAll('start failed');
    process.exit(1);
  }
}

function printSummary(
  infra: Infra,
  network: { orderer: { endpoint: string }; orgs: Record<string, { peer: { endpoint: string } }> },
  logDir: string,
  ms: number,
): void {
  const rows = [
    ...INSTANCES.map((s) => [s.name, `${serviceUrl(s.name, process.env, infra.host)}  (docs: /docs)`]),
    ['kafka', infra.kafkaBrokers.join(',')],
    ['redis', infra.redisUrl],
    ['credentials', `${join(stateDir(), 'credentials')}  (Kafka SCRAM and Redis ACL passwords, one file per principal)`],
    ['fabric orderer', network.orderer.endpoint],
    ...Object.entries(network.orgs).map(([org, o]) => [`fabric ${org} peer`, o.peer.endpoint]),
    ['logs', logDir],
  ];
  const width = Math.max(...rows.map(([k]) => k!.length));
  log(`stack ready in ${(ms / 1000).toFixed(1)} s`);
  process.stdout.write(`\n${rows.map(([k, v]) => `  ${k!.padEnd(width)}  ${v}`).join('\n')}\n\n`);
  process.stdout.write('  token:  npm run --silent token -- --sub alice --role clinician --org hospital-a\n');
  process.stdout.write('  stop:   Ctrl-C (or npm run stack:down for a background stack)\n\n');
}

async function up(): Promise<void> {
  const state = stateDir();
  mkdirSync(state, { recursive: true });
  const pidFile = join(state, 'stack.pid');
  if (existsSync(pidFile) && isAlive(Number(readFileSync(pidFile, 'utf8')))) {
    log(`a stack is already running (pid ${readFileSync(pidFile, 'utf8')}); npm run stack:down first`);
    process.exit(1);
  }
  rmSync(join(state, 'stack.ready'), { force: true });
  const out = openSync(join(state, 'stack.log'), 'a');
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, 'start', ...process.argv.slice(3)], {
    detached: true,
    stdio: ['ignore', out, out],
    env: process.env,
  });
  writeFileSync(pidFile, String(child.pid));
  child.unref();
  const deadline = Date.now() + 30 * 60_000; // a cold first run builds Fabric
  while (!existsSync(join(state, 'stack.ready'))) {
    if (!isAlive(child.pid!)) {
      log(`the stack failed to start; see ${join(state, 'stack.log')}:\n${tail(join(state, 'stack.log'))}`);
      process.exit(1);
    }
    if (Date.now() > deadline) throw new Error('timed out waiting for the stack');
    await sleep(500);
  }
  process.stdout.write(tail(join(state, 'stack.log'), 16));
  log(`stack running in the background (pid ${child.pid}); npm run stack:down stops it`);
}

async function down(purge: boolean): Promise<void> {
  const state = stateDir();
  const pidFile = join(state, 'stack.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    if (isAlive(pid)) {
      log(`stopping stack (pid ${pid})`);
      process.kill(pid, 'SIGTERM');
      const deadline = Date.now() + 90_000;
      while (isAlive(pid) && Date.now() < deadline) await sleep(250);
      if (isAlive(pid)) killGroup(pid, 'SIGKILL');
    }
    rmSync(pidFile, { force: true });
  } else {
    log('no background stack is running');
  }
  await reapStale(state, log);
  if (purge) {
    await purgeFabric();
    rmSync(state, { recursive: true, force: true });
    log(`purged ${state}`);
  }
}

async function status(): Promise<void> {
  const rows = await Promise.all(
    INSTANCES.map(async (s) => {
      const url = serviceUrl(s.name, process.env, host());
      const ready = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(1_000) }).then(
        (r) => (r.ok ? 'ready' : `not ready (${r.status})`),
        () => 'down',
      );
      return `  ${s.name.padEnd(14)} ${url}  ${ready}`;
    }),
  );
  process.stdout.write(`${rows.join('\n')}\n`);
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case 'start':
    await start();
    break;
  case 'up':
    await up();
    break;
  case 'down':
    await down(rest.includes('--purge'));
    break;
  case 'status':
    await status();
    break;
  default:
    process.stderr.write('usage: stack.ts start|up|down [--purge]|status\n');
    process.exit(2);
}
