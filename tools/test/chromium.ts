// The real browser of the e2e tier: Debian's chromium, which the access report's spec
// drives headless (accountability.e2e-spec.ts). Found on the PATH, or installed with
// apt-get when missing and running as root (once per machine); the spec gets its path
// through CARECHAIN_CHROMIUM, or the reason it is missing through
// CARECHAIN_CHROMIUM_MISSING, and skips saying so.
import { spawnSync } from 'node:child_process';

const CANDIDATES = ['chromium', 'chromium-browser'];

function onPath(): string | undefined {
  for (const name of CANDIDATES) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim() !== '') return found.stdout.trim();
  }
  return undefined;
}

/** The environment the e2e tier passes on: the browser's path, or why there is none. */
export function ensureChromium(log: (m: string) => void): Record<string, string> {
  const present = onPath();
  if (present) return { CARECHAIN_CHROMIUM: present };
  if (process.getuid?.() !== 0) return { CARECHAIN_CHROMIUM_MISSING: 'chromium is not installed and the tests do not run as root to apt-get install it' };
  log("installing Debian's chromium with apt-get (once per machine)");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (run.status !== 0) return { CARECHAIN_CHROMIUM_MISSING: `apt-get ${args.join(' ')} exited ${run.status ?? run.signal}` };
  }
  const installed = onPath();
  return installed ? { CARECHAIN_CHROMIUM: installed } : { CARECHAIN_CHROMIUM_MISSING: 'apt-get installed chromium but no chromium is on the PATH' };
}
