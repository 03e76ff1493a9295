// The property-based API fuzzer of the e2e tier: schemathesis from PyPI, pinned, in a
// virtual environment cached under ~/.cache/carechain/schemathesis/<version>. The
// first run on a machine creates it (python3 -m venv, pip install); later runs reuse
// it once it imports at the pinned version. The e2e spec runs it through
// CARECHAIN_SCHEMATHESIS_PYTHON.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../devnet/lib/paths.ts';

export const SCHEMATHESIS_VERSION = '4.32.5';

function importsPinned(python: string): boolean {
  if (!existsSync(python)) return false;
  const probe = spawnSync(python, ['-c', 'import importlib.metadata as m; print(m.version("schemathesis"))'], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === SCHEMATHESIS_VERSION;
}

/** The venv's python, with schemathesis at the pinned version; installs it when missing. Throws when it cannot. */
export function ensureSchemathesis(log: (m: string) => void): string {
  const venv = join(cacheDir(), 'schemathesis', SCHEMATHESIS_VERSION);
  const python = join(venv, 'bin', 'python3');
  if (importsPinned(python)) return python;
  log(`installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into ${venv} (once)`);
  rmSync(venv, { recursive: true, force: true });
  const steps: [string, string[]][] = [
    ['python3', ['-m', 'venv', venv]],
    [python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`]],
  ];
  for (const [command, args] of steps) {
    const run = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) {
      rmSync(venv, { recursive: true, force: true });
      throw new Error(`schemathesis install failed: ${command} ${args.join(' ')} exited ${run.status ?? run.signal}`);
    }
  }
  if (!importsPinned(python)) throw new Error(`schemathesis ${SCHEMATHESIS_VERSION} does not import from ${venv}`);
  return python;
}
