// Every secret the devnet generated must stay out of every log a test run leaves:
// the services' logs, the jest reports, Kafka's, Redis's and Fabric's logs. Each
// secret is looked for as written and in the other encoding a careless log would
// use (hex for base64 key material, base64 for hex), so a logged Buffer is caught too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allSecrets, type DataPlaneCredentials } from '../devnet/lib/data-plane-credentials.ts';

export interface Secret {
  readonly label: string;
  readonly value: string;
}

function encodings(label: string, value: string, from: 'base64' | 'hex' | 'text'): Secret[] {
  const bytes = from === 'text' ? undefined : Buffer.from(value, from === 'base64' ? 'base64' : 'hex');
  const forms = new Set([value, ...(bytes ? [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')] : [])]);
  // Short fragments would match by chance; every secret here is ≥ 16 bytes.
  return [...forms].filter((f) => f.length >= 16).map((f) => ({ label, value: f }));
}

/** The devnet's secrets: data-plane passwords, the KMS keyring's keys, the ledger commitment key, the dev token issuer's private key. */
export function devnetSecrets(credentials: DataPlaneCredentials, files: { keyringFile: string; ledgerKey: string; privateJwkFile: string }): Secret[] {
  const keyring = JSON.parse(readFileSync(files.keyringFile, 'utf8')) as { keys: Record<string, { key: string }> };
  const jwk = JSON.parse(readFileSync(files.privateJwkFile, 'utf8')) as { d: string };
  return [
    ...allSecrets(credentials).flatMap((p) => encodings('a Kafka/Redis password', p, 'text')),
    ...Object.entries(keyring.keys).flatMap(([id, k]) => encodings(`keyring key ${id}`, k.key, 'base64')),
    ...encodings('the ledger commitment key', files.ledgerKey, 'hex'),
    ...encodings("the dev token issuer's private key", jwk.d, 'base64'),
  ];
}

function logFiles(dir: string, skip: readonly string[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (skip.includes(path)) return [];
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return [];
    if (st.isDirectory()) return logFiles(path, skip);
    return /\.(log|json|txt)$/.test(name) || name === 'stdout' || name === 'stderr' ? [path] : [];
  });
}

/** One line per secret found, naming the file and what leaked (never the value). */
export function secretsInLogs(dirs: readonly string[], secrets: readonly Secret[], skip: readonly string[] = []): string[] {
  const findings: string[] = [];
  for (const file of dirs.flatMap((d) => logFiles(d, skip))) {
    const text = readFileSync(file, 'utf8');
    const leaked = new Set(secrets.filter((s) => text.includes(s.value)).map((s) => s.label));
    for (const label of leaked) findings.push(`${file}: contains ${label}`);
  }
  return findings;
}
