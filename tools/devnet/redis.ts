// Redis for the devnet: Debian's redis-server, run as our own supervised child
// with a generated config (AOF on, no RDB) and its data under the state dir.
// The read models are rebuilt from Kafka, but AOF keeps projections and their
// stored offsets across restarts so a restart does not force a full replay.
// The default user is off: every client logs in as an ACL user, each service as
// its own, restricted to its key patterns (DATA_PLANE_ACCESS in @carechain/contracts).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { accessSync, appendFileSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { delimiter, join } from 'node:path';
import { repoRoot, stateDir } from './lib/paths.ts';
import { ensureDataPlaneCredentials, type DataPlaneCredentials, type Principal } from './lib/data-plane-credentials.ts';
import { host as hostOf, port as portOf } from './lib/ports.ts';
import { assertPortFree, isAlive, killGroup, portOpen, run, startProcess, waitFor, type Proc, runInForeground } from './lib/proc.ts';

export interface RedisHandle {
  /** Without credentials: each client adds its own user (REDIS_USERNAME / REDIS_PASSWORD_FILE). */
  url: string;
  /** With the admin user's credentials in it, for the tests' and tools' own clients. */
  adminUrl: string;
  host: string;
  port: number;
  /** SIGKILL, then a restart on the same data: the AOF (fsynced once a second) is all that survives (the chaos runner's fault). */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

interface Options {
  env?: NodeJS.ProcessEnv;
  log?: (m: string) => void;
}

function onPath(cmd: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const file = join(dir, cmd);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

// The package's maintainer script would start a default instance on 6379 that
// would then collide with ours; policy-rc.d exit 101 forbids service starts
// during the install. An existing policy-rc.d is someone else's and stays.
const INSTALL_SCRIPT = `
set -e
POLICY=/usr/sbin/policy-rc.d
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\\nexit 101\\n' > "$POLICY"; chmod 755 "$POLICY"
  trap 'rm -f "$POLICY"' EXIT
fi
install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
    -o DPkg::Lock::Timeout=300 redis-server
}
# A fresh machine has no package lists yet: update once, then retry.
if ! install; then
  apt-get -o DPkg::Lock::Timeout=300 update
  install
fi
# On systemd hosts the unit is also enabled for boot; the devnet runs its own.
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
  systemctl disable --now redis-server >/dev/null 2>&1 || true
fi
`;

async function installRedis(env: NodeJS.ProcessEnv, log: (m: string) => void): Promise<string> {
  const root = process.getuid?.() === 0;
  if (!root && !onPath('sudo', env)) {
    throw new Error('redis: redis-server is not installed and this is not root: run `sudo apt-get install redis-server`');
  }
  log('redis: redis-server not found, installing it with apt-get (Debian package redis-server)');
  const argv = root ? ['sh', '-c', INSTALL_SCRIPT] : ['sudo', '-n', 'sh', '-c', INSTALL_SCRIPT];
  await run(argv[0]!, argv.slice(1), { env, timeoutMs: 15 * 60_000 }).catch((err: Error) => {
    throw new Error(`redis: installing redis-server with apt-get failed:\n${err.message}`);
  });
  await stopPackageInstance(log);
  const bin = onPath('redis-server', env);
  if (!bin) throw new Error('redis: apt-get installed redis-server but redis-server is not on PATH');
  return bin;
}

// Belt and braces for hosts where the service still came up (e.g. a policy-rc.d
// that allows starts): stop only the package's own instance, found by its pid file,
// never whatever else happens to listen on 6379.
async function stopPackageInstance(log: (m: string) => void): Promise<void> {
  const pidFile = '/run/redis/redis-server.pid';
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`redis: stopping the default instance the package started (pid ${pid})`);
  process.kill(pid, 'SIGTERM');
  await waitFor('the package redis-server to exit', () => !isAlive(pid), { timeoutMs: 15_000 });
}

const resp = (...args: string[]) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

/** Logs in as `login` and sends PING over RESP; true only on +PONG (a server still loading its AOF answers -LOADING). */
export function ping(host: string, port: number, login?: Principal, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write((login ? resp('AUTH', login.username, login.password) : '') + resp('PING')));
    socket.on('data', (d: Buffer) => {
      reply += d.toString();
      const lines = reply.split('\r\n');
      if (lines.length > (login ? 2 : 1)) done(lines[login ? 1 : 0]!.startsWith('+PONG'));
    });
  });
}

/** Redis ACL rules; passwords go in as SHA-256 (`#<hex>`), so the config file never holds one in clear. */
function aclUsers(creds: DataPlaneCredentials): string[] {
  const hash = (p: Principal) => `#${createHash('sha256').update(p.password).digest('hex')}`;
  const { DATA_PLANE_ACCESS } = createRequire(`${repoRoot}/package.json`)('@carechain/contracts') as {
    DATA_PLANE_ACCESS: Record<string, { principal: string; redisKeys: readonly string[] }>;
  };
  return [
    // Nobody logs in as `default` (off, no password), but it keeps every permission: Redis replays the AOF as
    // the default user and re-checks each MULTI/EXEC against its ACL (redis/redis#14541), so with `-@all` every
    // transaction — each projection's change and its offset — was dropped on restart and read models lost data.
    'user default off resetpass ~* &* +@all',
    `user ${creds.redisAdmin.username} on ${hash(creds.redisAdmin)} ~* &* +@all`,
    // Its own keys only; no administrative or whole-keyspace commands (KEYS, FLUSHALL, CONFIG, …)
    // except INFO, which the client's ready check sends.
    ...Object.entries(DATA_PLANE_ACCESS).map(([service, a]) => {
      const login = creds.redis[service];
      if (!login) throw new Error(`redis: no credentials for service ${service}`);
      return `user ${a.principal} on ${hash(login)} resetkeys ${a.redisKeys.map((k) => `~${k}`).join(' ')} resetchannels -@all +@all -@dangerous +info`;
    }),
  ];
}

function config(host: string, port: number, dir: string, creds: DataPlaneCredentials): string {
  return [
    '# Generated by tools/devnet/redis.ts on every start; edit that file instead.',
    `bind ${host}`,
    `port ${port}`,
    'protected-mode yes',
    ...aclUsers(creds),
    // We supervise the process: it stays in the foreground and logs to stdout,
    // which startProcess writes to redis.log next to this file.
    'daemonize no',
    'supervised no',
    'logfile ""',
    `dir ${dir}`,
    // AOF only: every write is logged and fsynced once a second; RDB snapshots
    // would only duplicate that and stall on fork with a large read model.
    'appendonly yes',
    'appendfsync everysec',
    'save ""',
    '',
  ].join('\n');
}

async function launch(creds: DataPlaneCredentials, opts: Options = {}): Promise<{ handle: Omit<RedisHandle, 'crash'>; proc: Proc }> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? (() => {});
  const host = hostOf(env);
  const port = portOf('REDIS_PORT', 6379, env);
  await assertPortFree(host, port, 'redis (set REDIS_PORT or CARECHAIN_PORT_OFFSET to move it)');
  const bin = onPath('redis-server', env) ?? (await installRedis(env, log));

  const dir = join(stateDir(env), 'redis');
  mkdirSync(dir, { recursive: true });
  const confFile = join(dir, 'redis.conf');
  writeFileSync(confFile, config(host, port, dir, creds), { mode: 0o600 });
  const logFile = join(dir, 'redis.log');

  const started = Date.now();
  // The log is appended across runs: mark where this run starts.
  appendFileSync(logFile, `\n[devnet] ${new Date().toISOString()} starting ${bin} ${confFile}\n`);
  const proc = startProcess('redis-server', bin, [confFile], { cwd: dir, env, logFile });
  await waitFor(`redis to answer PING on ${host}:${port}`, () => ping(host, port, creds.redisAdmin), { proc, timeoutMs: 60_000 }).catch(async (err: Error) => {
    await proc.stop(); // a server that never answered must not outlive the failed start
    throw err;
  });
  log(`redis: ready on ${host}:${port} in ${Date.now() - started} ms (data ${dir}, log ${logFile})`);

  const urlHost = host.includes(':') ? `[${host}]` : host;
  const handle: Omit<RedisHandle, 'crash'> = {
    url: `redis://${urlHost}:${port}`,
    adminUrl: `redis://${encodeURIComponent(creds.redisAdmin.username)}:${encodeURIComponent(creds.redisAdmin.password)}@${urlHost}:${port}`,
    host,
    port,
    // SIGTERM makes Redis flush and fsync the AOF before it exits.
    async stop() {
      await proc.stop({ signal: 'SIGTERM', graceMs: 30_000 });
      await waitFor(`redis port ${port} to close`, async () => !(await portOpen(host, port, 300)), { timeoutMs: 10_000 });
      log(`redis: stopped (${host}:${port})`);
    },
  };
  return { handle, proc };
}

export async function startRedis(creds: DataPlaneCredentials, opts?: Options): Promise<RedisHandle> {
  let current = await launch(creds, opts);
  return {
    ...current.handle,
    async crash() {
      killGroup(current.proc.pid, 'SIGKILL');
      await current.proc.exited;
      current = await launch(creds, opts);
    },
    stop: () => current.handle.stop(),
  };
}

if (import.meta.main) {
  const [cmd] = process.argv.slice(2);
  if (cmd !== 'up') {
    console.error('usage: node tools/devnet/redis.ts up   (runs Redis in the foreground; Ctrl-C stops it)');
    process.exit(2);
  }
  const log = (m: string) => console.log(m);
  const { SERVICE_NAMES } = await import('./services.ts');
  const { handle, proc } = await launch(ensureDataPlaneCredentials(SERVICE_NAMES), { log });
  console.log(`redis: ${handle.url} (Ctrl-C to stop)`);
  await runInForeground('redis-server', handle.stop, proc);
}
