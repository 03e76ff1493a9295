import { rmSync, writeFileSync } from 'node:fs';
import { base64url, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import type { SignatureAlgorithm } from './auth-options';
import { AuthError, AuthErrorCode } from './auth.error';
import { createTokenVerifier, type TokenVerifier } from './token-verifier';
import { createTestIssuer, TEST_AUDIENCE, TEST_ISSUER, without, type TestIssuer } from './testing/test-issuer';

async function codeOf(promise: Promise<unknown>): Promise<AuthErrorCode> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(err)}`);
  return err.code;
}

describe('createTokenVerifier (dev JWKS file)', () => {
  let issuer: TestIssuer;
  let verifier: TokenVerifier;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    issuer = await createTestIssuer();
    verifier = createTokenVerifier(issuer.options());
  });
  afterAll(() => issuer.cleanup());

  it('turns a valid token into a frozen principal', async () => {
    const principal = await verifier.verify(await issuer.sign(issuer.claims()));
    expect(principal).toEqual({ subject: 'user-1', roles: ['clinician'], organisation: 'hospital-a', tokenId: 'token-1' });
    expect(Object.isFrozen(principal)).toBe(true);
    expect(Object.isFrozen(principal.roles)).toBe(true);
  });

  it('accepts ES256, RS256 and EdDSA, with or without kid', async () => {
    for (const alg of ['ES256', 'RS256', 'EdDSA'] as const) {
      await expect(verifier.verify(await issuer.sign(issuer.claims(), { alg }))).resolves.toMatchObject({ subject: 'user-1' });
      await expect(verifier.verify(await issuer.sign(issuer.claims(), { alg, kid: null }))).resolves.toMatchObject({ subject: 'user-1' });
    }
  });

  it('ignores unknown roles, drops duplicates and leaves tokenId out without jti', async () => {
    const principal = await verifier.verify(await issuer.sign(without(issuer.claims({ roles: ['wizard', 'admin', 'auditor', 'admin'] }), 'jti')));
    expect(principal.roles).toEqual(['admin', 'auditor']);
    expect(principal).not.toHaveProperty('tokenId');
  });

  it('keeps the purposes a deployment grants a service identity, and no one else’s', async () => {
    const service = await verifier.verify(await issuer.sign(issuer.claims({ sub: 'svc-1', roles: ['service'], purposes: ['PUBHLTH', 'PUBHLTH', 'HOPERAT'] })));
    expect(service.purposes).toEqual(['PUBHLTH', 'HOPERAT']);
    const clinician = await verifier.verify(await issuer.sign(issuer.claims({ purposes: ['PUBHLTH'] })));
    expect(clinician).not.toHaveProperty('purposes');
    await expect(verifier.verify(await issuer.sign(issuer.claims({ roles: ['service'], purposes: 'PUBHLTH' })))).rejects.toMatchObject({
      code: 'invalid_claims',
    });
    await expect(verifier.verify(await issuer.sign(issuer.claims({ roles: ['service'], purposes: ['<script>'] })))).rejects.toMatchObject({
      code: 'invalid_claims',
    });
  });

  it('accepts an audience array that contains ours', async () => {
    await expect(verifier.verify(await issuer.sign(issuer.claims({ aud: ['other', TEST_AUDIENCE] })))).resolves.toBeDefined();
  });

  it('keeps deployments apart by audience: the same issuer and keys, another deployment’s token is refused', async () => {
    const staging = createTokenVerifier(issuer.options({ audience: 'carechain-staging' }));
    const production = createTokenVerifier(issuer.options({ audience: 'carechain-production' }));
    const stagingToken = await issuer.sign(issuer.claims({ aud: 'carechain-staging' }));
    await expect(staging.verify(stagingToken)).resolves.toBeDefined();
    expect(await codeOf(production.verify(stagingToken))).toBe(AuthErrorCode.WrongAudience);
  });

  it('tolerates a little clock skew (default 5 s) but no more', async () => {
    await expect(verifier.verify(await issuer.sign(issuer.claims({ exp: now() - 2 })))).resolves.toBeDefined();
    expect(await codeOf(verifier.verify(await issuer.sign(issuer.claims({ exp: now() - 30 }))))).toBe(AuthErrorCode.Expired);
    const strict = createTokenVerifier(issuer.options({ clockToleranceSec: 0 }));
    expect(await codeOf(strict.verify(await issuer.sign(issuer.claims({ exp: now() - 2 }))))).toBe(AuthErrorCode.Expired);
  });

  it('needs no file after boot: keys are imported once and kept', async () => {
    const other = await createTestIssuer();
    const cached = createTokenVerifier(other.options());
    rmSync(other.jwksFile);
    await expect(cached.verify(await other.sign(other.claims({ iss: TEST_ISSUER })))).resolves.toBeDefined();
    await expect(cached.verify(await other.sign(other.claims(), { alg: 'RS256' }))).resolves.toBeDefined();
    other.cleanup();
  });

  it('remembers a verdict: the same token again costs no signature check', async () => {
    const token = await issuer.sign(issuer.claims({ jti: 'cached' }));
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first);
    expect(await codeOf(verifier.verify(tamper(token, { roles: ['admin'] })))).toBe(AuthErrorCode.InvalidSignature);
  });

  it('still expires a remembered token at its exp', async () => {
    const strict = createTokenVerifier(issuer.options({ clockToleranceSec: 0 }));
    const exp = now() + 1;
    const token = await issuer.sign(issuer.claims({ exp }));
    await expect(strict.verify(token)).resolves.toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    expect(await codeOf(strict.verify(token))).toBe(AuthErrorCode.Expired);
  });

  describe('rejects', () => {
    const cases: [string, () => Promise<string>, AuthErrorCode][] = [
      ['an empty token', async () => '', AuthErrorCode.MissingToken],
      ['a non-JWT string', async () => 'not-a-jwt', AuthErrorCode.MalformedToken],
      ['undecodable segments', async () => 'e30.e30.', AuthErrorCode.MalformedToken],
      ['a header that is not JSON', async () => `${base64url.encode('nope')}.${base64url.encode('{}')}.c2ln`, AuthErrorCode.MalformedToken],
      [
        'a payload swapped for non-JSON (the signature no longer matches)',
        async () => (await issuer.sign(issuer.claims())).replace(/\.[^.]+\./, `.${base64url.encode('nope')}.`),
        AuthErrorCode.InvalidSignature,
      ],
      ['an oversized token', async () => `${'a'.repeat(9000)}.b.c`, AuthErrorCode.MalformedToken],
      [
        'a token signed by a foreign key under our kid',
        async () => issuer.sign(issuer.claims(), { key: (await generateKeyPair('ES256')).privateKey }),
        AuthErrorCode.InvalidSignature,
      ],
      [
        'a token signed by a foreign key with an unknown kid',
        async () => issuer.sign(issuer.claims(), { kid: 'stranger', key: (await generateKeyPair('ES256')).privateKey }),
        AuthErrorCode.InvalidSignature,
      ],
      ['a tampered payload', async () => tamper(await issuer.sign(issuer.claims()), { roles: ['admin'] }), AuthErrorCode.InvalidSignature],
      ['alg none', async () => new UnsecuredJWT(issuer.claims()).encode(), AuthErrorCode.InvalidSignature],
      [
        'HS256',
        async () => new SignJWT(issuer.claims()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-long!')),
        AuthErrorCode.InvalidSignature,
      ],
      [
        'an alg off the allow-list',
        async () => issuer.sign(issuer.claims(), { alg: 'ES384', key: (await generateKeyPair('ES384')).privateKey }),
        AuthErrorCode.InvalidSignature,
      ],
      ['an expired token', async () => issuer.sign(issuer.claims({ exp: now() - 60 })), AuthErrorCode.Expired],
      ['a token whose nbf is in the future', async () => issuer.sign(issuer.claims({ nbf: now() + 60 })), AuthErrorCode.NotYetValid],
      ['another issuer', async () => issuer.sign(issuer.claims({ iss: 'https://evil.test' })), AuthErrorCode.WrongIssuer],
      ['a missing issuer', async () => issuer.sign(without(issuer.claims(), 'iss')), AuthErrorCode.WrongIssuer],
      ['another audience', async () => issuer.sign(issuer.claims({ aud: 'billing' })), AuthErrorCode.WrongAudience],
      ['a missing exp', async () => issuer.sign(without(issuer.claims(), 'exp')), AuthErrorCode.InvalidClaims],
      ['a non-numeric exp', async () => issuer.sign(issuer.claims({ exp: 'tomorrow' as unknown as number })), AuthErrorCode.InvalidClaims],
      ['a missing sub', async () => issuer.sign(without(issuer.claims(), 'sub')), AuthErrorCode.InvalidClaims],
      ['an empty sub', async () => issuer.sign(issuer.claims({ sub: '' })), AuthErrorCode.InvalidClaims],
      ['a sub too long to be an event actor', async () => issuer.sign(issuer.claims({ sub: 'x'.repeat(129) })), AuthErrorCode.InvalidClaims],
      ['missing roles', async () => issuer.sign(without(issuer.claims(), 'roles')), AuthErrorCode.InvalidClaims],
      ['roles that are not an array', async () => issuer.sign(issuer.claims({ roles: 'admin' })), AuthErrorCode.InvalidClaims],
      ['roles with a non-string', async () => issuer.sign(issuer.claims({ roles: ['admin', 7] })), AuthErrorCode.InvalidClaims],
      ['an empty roles array', async () => issuer.sign(issuer.claims({ roles: [] })), AuthErrorCode.InvalidClaims],
      ['unknown roles only', async () => issuer.sign(issuer.claims({ roles: ['wizard', 'Admin'] })), AuthErrorCode.InvalidClaims],
      ['a missing org', async () => issuer.sign(without(issuer.claims(), 'org')), AuthErrorCode.InvalidClaims],
      ['an org outside the allowed charset', async () => issuer.sign(issuer.claims({ org: 'hospital a/b' })), AuthErrorCode.InvalidClaims],
      ['an org longer than 64 characters', async () => issuer.sign(issuer.claims({ org: 'o'.repeat(65) })), AuthErrorCode.InvalidClaims],
    ];

    it.each(cases)('%s', async (_name, token, code) => {
      expect(await codeOf(verifier.verify(await token()))).toBe(code);
    });
  });

  it('honours a narrower algorithm allow-list', async () => {
    const esOnly = createTokenVerifier(issuer.options({ algorithms: ['ES256'] }));
    await expect(esOnly.verify(await issuer.sign(issuer.claims()))).resolves.toBeDefined();
    expect(await codeOf(esOnly.verify(await issuer.sign(issuer.claims(), { alg: 'RS256' })))).toBe(AuthErrorCode.InvalidSignature);
  });

  it('never puts the cause of a failure in its message', async () => {
    const err = await verifier.verify(tamper(await issuer.sign(issuer.claims()), { sub: 'x' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as Error).message).toBe('invalid_signature: Invalid token signature');
  });
});

describe('createTokenVerifier (boot checks)', () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await createTestIssuer();
  });
  afterAll(() => issuer.cleanup());

  it('fails at boot on a missing JWKS file, naming it', () => {
    expect(() => createTokenVerifier(issuer.options({ devJwksFile: '/nonexistent/jwks.json' }))).toThrow('/nonexistent/jwks.json');
  });

  it('refuses a key file holding private keys', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const file = `${issuer.jwksFile}.private`;
    writeFileSync(file, JSON.stringify({ keys: [await exportJWK(privateKey)] }));
    expect(() => createTokenVerifier(issuer.options({ devJwksFile: file }))).toThrow('public keys only');
  });

  it('refuses an empty key set and an empty allow-list', () => {
    const file = `${issuer.jwksFile}.empty`;
    writeFileSync(file, '{"keys":[]}');
    expect(() => createTokenVerifier(issuer.options({ devJwksFile: file }))).toThrow('at least one key');
    expect(() => createTokenVerifier(issuer.options({ algorithms: [] }))).toThrow('allow-list');
  });

  it('refuses a symmetric algorithm or none in the allow-list, whatever the types said', () => {
    for (const alg of ['HS256', 'none']) {
      expect(() => createTokenVerifier(issuer.options({ algorithms: [alg as SignatureAlgorithm] }))).toThrow('asymmetric');
    }
  });

  it('bounds the clock tolerance: a skew of minutes would lengthen every token', () => {
    expect(() => createTokenVerifier(issuer.options({ clockToleranceSec: 301 }))).toThrow('between 0 and 300');
    expect(() => createTokenVerifier(issuer.options({ clockToleranceSec: -1 }))).toThrow('between 0 and 300');
    expect(() => createTokenVerifier(issuer.options({ clockToleranceSec: 300 }))).not.toThrow();
  });
});

/** Re-encodes the payload with changes, keeping the original header and signature. */
function tamper(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload ?? ''))) as Record<string, unknown>;
  return [header, base64url.encode(JSON.stringify({ ...claims, ...changes })), signature].join('.');
}
