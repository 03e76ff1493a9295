// Runs tools/verify as a user would, against the suite's stack: its Fabric network,
// keyring and Kafka. Resolves with the exit code and what it printed (a refusal is
// an answer, not an error).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testEnv } from './test-env';

const exec = promisify(execFile);
const repoRoot = join(__dirname, '..', '..', '..', '..');

/** `extra`: further options, e.g. `--org PayerOrg` or `--key-hex <key>`. */
export function verifyCli(eventFile: string, receiptFile: string, extra: readonly string[] = []): Promise<{ code: number; out: string }> {
  return exec(
    process.execPath,
    [
      '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
      '--disable-warning=TimeoutNegativeWarning',
      join(repoRoot, 'tools', 'verify', 'verify.ts'),
      ...['--event', eventFile, '--receipt', receiptFile],
      ...['--network', testEnv('CARECHAIN_TEST_FABRIC_NETWORK'), '--keyring', testEnv('CARECHAIN_TEST_KEYRING_FILE')],
      ...['--brokers', testEnv('CARECHAIN_TEST_KAFKA_BROKERS'), ...extra],
    ],
    { cwd: repoRoot },
  ).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
}
