// The development key-encryption keyring: the local stand-in for a cloud KMS that
// wraps every patient's data key and commitment salt. Created once into the cache
// (mode 0600) before any service starts, so concurrent services never race to make
// it, and kept across restarts so wrapped keys on Kafka stay unwrappable.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

const require = createRequire(`${repoRoot}/package.json`);

export async function ensureDevKeyring(cache: string): Promise<string> {
  const file = join(cache, 'dev-keys', 'keyring.json');
  const { LocalKeyringKms } = require('@carechain/crypto');
  await LocalKeyringKms.open(file, { createIfMissing: true });
  return file;
}
