// Tokens signed with the development key the test services trust.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT, type JWK } from 'jose';
import { testEnv } from './test-env';

/** `patient` and `purposes` make a service identity bound to one patient, as audit's exports mint them. */
export async function token(claims: { sub: string; roles: string[]; org: string; patient?: string; purposes?: string[] }, ttlSeconds = 600): Promise<string> {
  const jwk = JSON.parse(readFileSync(testEnv('CARECHAIN_TEST_PRIVATE_JWK_FILE'), 'utf8')) as JWK;
  const key = await importJWK(jwk, 'ES256');
  return new SignJWT({
    roles: claims.roles,
    org: claims.org,
    ...(claims.patient !== undefined && { patient: claims.patient }),
    ...(claims.purposes !== undefined && { purposes: claims.purposes }),
  })
    .setProtectedHeader({ alg: 'ES256', ...(jwk.kid && { kid: jwk.kid }) })
    .setSubject(claims.sub)
    .setIssuer(testEnv('CARECHAIN_TEST_ISSUER'))
    .setAudience(testEnv('CARECHAIN_TEST_AUDIENCE'))
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}
