// The development commitment key of ledger-writer: the HMAC key that turns an
// event into its leaf until per-patient salts exist. Generated once into the
// cache (mode 0600) so commitments stay comparable across restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function ensureLedgerKey(cache: string): Promise<string> {
  const dir = join(cache, 'dev-keys');
  const file = join(dir, 'ledger-commitment.key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
