import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError, AuthErrorCode } from './auth.error';
import { createTokenVerifier } from './token-verifier';
import { createTestIssuer, TEST_AUDIENCE, TEST_ISSUER, type TestIssuer } from './testing/test-issuer';

describe('createTokenVerifier (remote JWKS)', () => {
  let issuer: TestIssuer;
  let server: Server;
  let url: string;
  let fetches = 0;
  let healthy = true;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    server = createServer((_req, res) => {
      fetches += 1;
      if (!healthy) {
        res.writeHead(500).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(issuer.jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(async () => {
    issuer.cleanup();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    fetches = 0;
    healthy = true;
  });

  const remote = (jwksUrl: string) => createTokenVerifier({ mode: 'jwks', jwksUrl, issuer: TEST_ISSUER, audience: TEST_AUDIENCE });

  it('fetches the key set once and verifies from the cache afterwards', async () => {
    const verifier = remote(url);
    for (let i = 0; i < 5; i += 1) {
      await expect(verifier.verify(await issuer.sign(issuer.claims(), { alg: i % 2 ? 'RS256' : 'ES256' }))).resolves.toMatchObject({ subject: 'user-1' });
    }
    expect(fetches).toBe(1);
  });

  it('answers jwks_unavailable when the key set cannot be fetched', async () => {
    healthy = false;
    const err = await remote(url)
      .verify(await issuer.sign(issuer.claims()))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).code).toBe(AuthErrorCode.JwksUnavailable);
    expect((err as AuthError).status).toBe(503);
  });

  it('answers jwks_unavailable when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await remote(`http://127.0.0.1:${port}/jwks.json`)
      .verify(await issuer.sign(issuer.claims()))
      .catch((e: unknown) => e);
    expect((err as AuthError).code).toBe(AuthErrorCode.JwksUnavailable);
  });

  it('rejects a bad token without fetching keys', async () => {
    const err = await remote(url)
      .verify('garbage')
      .catch((e: unknown) => e);
    expect((err as AuthError).code).toBe(AuthErrorCode.MalformedToken);
    expect(fetches).toBe(0);
  });
});
