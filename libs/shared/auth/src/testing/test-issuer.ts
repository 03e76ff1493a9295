// A throwaway issuer for specs: fresh ES256, RS256 and EdDSA key pairs, their
// public JWKS in a temp file, and a minter for tokens with any claims or header.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import type { DevAuthOptions } from '../auth-options';

export const TEST_ISSUER = 'https://issuer.test';
export const TEST_AUDIENCE = 'carechain-test';

type TestAlg = 'ES256' | 'RS256' | 'EdDSA';

export interface SignOptions {
  readonly alg?: TestAlg | 'ES384';
  /** Defaults to the kid of the issuer's key for alg; null leaves kid out. */
  readonly kid?: string | null;
  /** Sign with this key instead of the issuer's (a forger's key). */
  readonly key?: KeyLike | Uint8Array;
}

export interface TestIssuer {
  readonly jwksFile: string;
  readonly jwks: { keys: Record<string, unknown>[] };
  options(overrides?: Partial<DevAuthOptions>): DevAuthOptions;
  /** Claims a valid token carries; spread and override in specs. */
  claims(overrides?: JWTPayload): JWTPayload;
  sign(payload: JWTPayload, options?: SignOptions): Promise<string>;
  cleanup(): void;
}

const KIDS: Record<TestAlg, string> = { ES256: 'test-es', RS256: 'test-rs', EdDSA: 'test-ed' };

export async function createTestIssuer(): Promise<TestIssuer> {
  const dir = mkdtempSync(join(tmpdir(), 'carechain-auth-spec-'));
  const pairs = {
    ES256: await generateKeyPair('ES256'),
    RS256: await generateKeyPair('RS256'),
    EdDSA: await generateKeyPair('EdDSA', { crv: 'Ed25519' }),
  };
  const keys: Record<string, unknown>[] = [];
  for (const alg of Object.keys(pairs) as TestAlg[]) {
    keys.push({ ...(await exportJWK(pairs[alg].publicKey)), kid: KIDS[alg], alg, use: 'sig' });
  }
  const jwks = { keys };
  const jwksFile = join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify(jwks));

  return {
    jwksFile,
    jwks,
    options: (overrides) => ({ mode: 'dev', devJwksFile: jwksFile, issuer: TEST_ISSUER, audience: TEST_AUDIENCE, ...overrides }),
    claims: (overrides) => {
      const now = Math.floor(Date.now() / 1000);
      return {
        iss: TEST_ISSUER,
        aud: TEST_AUDIENCE,
        sub: 'user-1',
        roles: ['clinician'],
        org: 'hospital-a',
        jti: 'token-1',
        iat: now,
        exp: now + 600,
        ...overrides,
      };
    },
    sign: (payload, options = {}) => {
      const alg = options.alg ?? 'ES256';
      const own = alg === 'ES384' ? undefined : pairs[alg].privateKey;
      const key = options.key ?? own;
      if (!key) throw new Error(`no key for ${alg}: pass one`);
      const kid = options.kid === undefined ? (alg === 'ES384' ? undefined : KIDS[alg]) : (options.kid ?? undefined);
      return new SignJWT(payload).setProtectedHeader({ alg, ...(kid && { kid }) }).sign(key);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Claims minus the named ones, for "missing claim" cases. */
export function without(claims: JWTPayload, ...names: string[]): JWTPayload {
  return Object.fromEntries(Object.entries(claims).filter(([name]) => !names.includes(name)));
}
