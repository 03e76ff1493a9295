// Where the devnet keeps things. The cache holds heavy, reusable artefacts (Node,
// Kafka jars, Fabric binaries, dev keys); the state dir holds one stack's data
// (Redis AOF, Kafka log, Fabric ledgers, logs, pid files) and can be wiped.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CARECHAIN_CACHE ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'carechain');
}

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CARECHAIN_STATE_DIR ?? join(repoRoot, '.devnet'));
}
