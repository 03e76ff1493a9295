// Starts a built carechain service instance as its own process against the test
// infrastructure, on a free port, with the environment libs/contracts' service
// catalogue builds for it, and waits until it is ready.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { localEnvironment, serviceInstance } from '@carechain/contracts';
import { testStackFacts } from './test-env';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const SERVICE_LOGS = join(repoRoot, 'tmp', 'test-results', 'services');

export interface ServiceProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the service logged so far (JSON lines). */
  logs(): string;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `name` is an instance of the service catalogue (e.g. `ledger-writer`); `onLine` sees each line the service logs as it arrives, from its first. */
export async function startServiceProcess(name: string, extraEnv: Record<string, string> = {}, onLine?: (line: string) => void): Promise<ServiceProcess> {
  const instance = serviceInstance(name);
  const port = await freePort();
  const main = join(repoRoot, 'apps', instance.service, 'dist', 'main.js');
  const child = spawn(process.execPath, ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', main], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...localEnvironment(instance, port, testStackFacts()), ...extraEnv },
  });
  // Kept after the run (the test runner removes only its state dir) for a failure to be read.
  mkdirSync(SERVICE_LOGS, { recursive: true });
  const logFile = createWriteStream(join(SERVICE_LOGS, `${name}-${port}.log`));
  // Two sources into one file: neither may end it (the other could still write); the child's close does.
  child.stdout?.pipe(logFile, { end: false });
  child.stderr?.pipe(logFile, { end: false });
  child.once('close', () => logFile.end());
  let output = '';
  let partial = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
    if (!onLine) return;
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited during start:\n${output.slice(-4000)}`);
    const ready = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within 60 s:\n${output.slice(-4000)}`);
    }
    await sleep(200);
  }
  const end = async (signal: NodeJS.Signals) => {
    if (exited) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exit;
    clearTimeout(timer);
  };
  return { name, url, child, logs: () => output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/** Polls until `fn` returns a value (not undefined) or the time is up. */
export async function eventually<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await sleep(intervalMs);
  }
}
