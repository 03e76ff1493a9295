// Process plumbing shared by every devnet component: spawn a server as a child
// in its own process group with its output in a log file, wait for it to be
// reachable, stop it (SIGTERM, then SIGKILL after a grace period), and run
// one-shot commands with their output captured for error messages.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, existsSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Proc {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  readonly child: ChildProcess;
  /** Resolves when the process has exited, with its exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  stop(opts?: { signal?: NodeJS.Signals; graceMs?: number }): Promise<void>;
}

export interface StartOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  logFile: string;
}

export function startProcess(name: string, command: string, args: readonly string[], opts: StartOptions): Proc {
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const spawnOpts: SpawnOptions = {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stop() reaches the grandchildren too (java forks nothing,
    // but npm/node wrappers and shells do).
    detached: true,
  };
  const child = spawn(command, args, spawnOpts);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
    child.once('error', (err) => {
      running = false;
      log.write(`\n[devnet] failed to start ${command}: ${err.message}\n`);
      resolve({ code: -1, signal: null });
    });
  });
  exited.then(() => log.end());
  if (child.pid === undefined) {
    throw new Error(`${name}: could not start ${command} (see ${opts.logFile})`);
  }
  const pid = child.pid;
  // A pid file next to the log: if whoever started us dies without stopping us,
  // the next start finds and ends us (reapStale) instead of failing on a busy port.
  const pidFile = `${opts.logFile}.pid`;
  writeFileSync(pidFile, String(pid));
  exited.then(() => rmSync(pidFile, { force: true }));
  return {
    name,
    pid,
    logFile: opts.logFile,
    child,
    exited,
    isRunning: () => running,
    async stop({ signal = 'SIGTERM', graceMs = 15_000 } = {}) {
      if (!running) return;
      killGroup(pid, signal);
      // The grace timer is cancelled once the process exits, so it does not hold the caller's event loop open.
      const grace = new AbortController();
      const done = await Promise.race([
        exited.then(() => true),
        sleep(graceMs, undefined, { signal: grace.signal }).then(
          () => false,
          () => true,
        ),
      ]);
      grace.abort();
      if (!done) {
        killGroup(pid, 'SIGKILL');
        await exited;
      }
    },
  };
}

export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Polls until `check` resolves truthy; fails with the process's log tail if it dies first. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  opts: { timeoutMs?: number; intervalMs?: number; proc?: Proc } = {},
): Promise<void> {
  const { timeoutMs = 60_000, intervalMs = 200, proc } = opts;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc && !proc.isRunning()) {
      throw new Error(`${proc.name} exited while waiting for ${what}. Last lines of ${proc.logFile}:\n${tail(proc.logFile)}`);
    }
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      const hint = proc ? `\nLast lines of ${proc.logFile}:\n${tail(proc.logFile)}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${hint}`);
    }
    await sleep(intervalMs);
  }
}

/**
 * One short TCP exchange: connects, sends `request` if given, and resolves with
 * `judge(reply so far)` once it returns a verdict (true or false); without a request,
 * connecting is the answer. False on error, close or timeout.
 */
export function tcpProbe(
  host: string,
  port: number,
  timeoutMs: number,
  exchange?: { readonly request: Buffer; judge(reply: Buffer): boolean | undefined },
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    let reply = Buffer.alloc(0);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
    socket.once('connect', () => (exchange ? socket.write(exchange.request) : done(true)));
    socket.on('data', (d: Buffer) => {
      reply = Buffer.concat([reply, d]);
      const verdict = exchange?.judge(reply);
      if (verdict !== undefined) done(verdict);
    });
  });
}

export function portOpen(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return tcpProbe(host, port, timeoutMs);
}

export async function assertPortFree(host: string, port: number, who: string): Promise<void> {
  if (await portOpen(host, port, 500)) {
    throw new Error(
      `${who}: ${host}:${port} is already in use. Stop whatever listens there (npm run stack:down) or choose another port through the environment (see README).`,
    );
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a one-shot command; rejects with its output when it exits non-zero (unless allowFailure). */
export function run(
  command: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; allowFailure?: boolean; input?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    child.once('error', (err) => reject(new Error(`${command}: ${err.message}`)));
    child.once('close', (code) => {
      if (timer) clearTimeout(timer);
      const result = { code: code ?? -1, stdout, stderr };
      if (result.code !== 0 && !opts.allowFailure) {
        reject(new Error(`${command} ${args.join(' ')} exited ${result.code}\n${stderr || stdout}`.trim()));
      } else {
        resolve(result);
      }
    });
  });
}

/**
 * Ends processes left behind by an earlier run in `dir` (a crashed supervisor, a
 * killed test runner): every live pid file under it whose process still refers to
 * `dir` in its command line, environment or working directory.
 */
export async function reapStale(dir: string, log: (m: string) => void = () => undefined): Promise<number> {
  if (!existsSync(dir)) return 0;
  const pidFiles: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      // Only the files startProcess writes: a supervisor's own pid file is not ours to judge.
      else if (entry.name.endsWith('.log.pid')) pidFiles.push(path);
    }
  };
  walk(dir);
  let reaped = 0;
  for (const file of pidFiles) {
    let pid: number;
    try {
      pid = Number(readFileSync(file, 'utf8'));
    } catch {
      continue; // removed meanwhile by its own process's exit
    }
    let ours = false;
    try {
      ours =
        [`/proc/${pid}/cmdline`, `/proc/${pid}/environ`].some((f) => readFileSync(f).toString('utf8').includes(dir)) ||
        readlinkSync(`/proc/${pid}/cwd`).startsWith(dir); // redis-server rewrites its title but works in its data dir
    } catch {
      /* gone */
    }
    if (ours && isAlive(pid)) {
      log(`ending process ${pid} left behind by an earlier run (${file})`);
      killGroup(pid, 'SIGTERM');
      for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      if (isAlive(pid)) killGroup(pid, 'SIGKILL');
      reaped++;
    }
    rmSync(file, { force: true });
  }
  return reaped;
}

/** A component's CLI `up`: stays in the foreground until Ctrl-C/SIGTERM (then stops it) or the server dies. */
export async function runInForeground(name: string, stop: () => Promise<void>, proc: Proc): Promise<never> {
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const { code, signal } = await proc.exited;
  if (!stopping) {
    console.error(`${name} exited unexpectedly (code ${code}, signal ${signal}); see ${proc.logFile}`);
    process.exit(1);
  }
  return new Promise<never>(() => undefined);
}
