// The development token issuer's key pair: ES256, generated once into the cache
// and reused so tokens minted yesterday still verify after a restart. Services
// get only the JWKS (public key); `npm run token` signs with the private JWK.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export const DEV_ISSUER = 'https://carechain.local/dev-issuer';
export const DEV_AUDIENCE = 'carechain';
export const DEV_ALGORITHM = 'ES256';

export interface DevKeys {
  /** The private JWK (kid, alg set), mode 0600. Only token minting reads it. */
  readonly privateJwkFile: string;
  /** A JWKS holding the public key only: what services trust (AUTH_DEV_JWKS_FILE). */
  readonly jwksFile: string;
  /** RFC 7638 thumbprint of the public key. */
  readonly kid: string;
}

export async function ensureDevKeys(cacheDir: string): Promise<DevKeys> {
  const dir = join(cacheDir, 'dev-keys');
  const privateJwkFile = join(dir, 'token-issuer.private.jwk.json');
  const jwksFile = join(dir, 'token-issuer.jwks.json');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(privateJwkFile)) await generateInto(privateJwkFile);
  // Someone may have copied the cache around with a looser mode; the key stays private.
  chmodSync(privateJwkFile, 0o600);

  const privateJwk = readPrivateJwk(privateJwkFile);
  const kid = await calculateJwkThumbprint(privateJwk);
  const { kty, crv, x, y } = privateJwk;
  // Derived from the private key on every call, so the two files can never disagree.
  const jwks = `${JSON.stringify({ keys: [{ kty, crv, x, y, kid, alg: DEV_ALGORITHM, use: 'sig' }] }, null, 2)}\n`;
  if (!existsSync(jwksFile) || readFileSync(jwksFile, 'utf8') !== jwks) writeAtomically(jwksFile, jwks, 0o644);
  return { privateJwkFile, jwksFile, kid };
}

/**
 * Writes a fresh key to a temp file and hard-links it into place: link() fails if
 * the file exists, so when two tools start at once exactly one key wins and both use it.
 */
async function generateInto(file: string): Promise<void> {
  const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ ...jwk, kid, alg: DEV_ALGORITHM, use: 'sig' }, null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(temp, { force: true });
  }
}

function readPrivateJwk(file: string): JWK {
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.x || !jwk.y) {
    throw new Error(`${file} is not an ES256 private JWK; delete it to generate a new dev key pair`);
  }
  return jwk;
}

function writeAtomically(file: string, content: string, mode: number): void {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, content, { mode });
  renameSync(temp, file);
}
