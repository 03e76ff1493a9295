// Where verification keys come from. Both sources import each JWK once and keep
// the KeyObject (jose caches per key and alg), so a request costs a signature
// check, never file or network I/O (the remote set refetches at most every
// cacheMaxAge, or on an unknown kid after a cooldown).
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { AuthOptions } from './auth-options';
import { AuthError, AuthErrorCode } from './auth.error';

export function createKeySource(options: AuthOptions): JWTVerifyGetKey {
  const keys = options.mode === 'dev' ? createLocalJWKSet(readJwksFile(options.devJwksFile)) : createRemoteJWKSet(new URL(options.jwksUrl));
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (err) {
      // "No key for this kid" is the token's problem; anything else (fetch failure,
      // timeout, a key that does not import) means we cannot verify anyone's token.
      if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) throw err;
      throw new AuthError(AuthErrorCode.JwksUnavailable, { cause: err });
    }
  };
}

/** Read once at boot; a missing or unsafe file stops the service with a clear message. */
function readJwksFile(file: string): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`auth: cannot read the dev JWKS file ${file}: ${(err as Error).message}`, { cause: err });
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'object' && k !== null)) {
    throw new Error(`auth: ${file} is not a JWKS with at least one key`);
  }
  for (const key of keys as Record<string, unknown>[]) {
    // A private JWK here means someone pointed services at the signing key file.
    if ('d' in key || key.kty === 'oct') throw new Error(`auth: ${file} must hold public keys only`);
  }
  return { keys } as JSONWebKeySet;
}
