import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { ACCESS_POLICY, isPermitted, relationshipOf, type Operation } from '../access-policy';
import { createTokenVerifier } from '../token-verifier';
import { ClientCredentialsServiceCredentials } from './client-credentials.service-credentials';
import { ServiceCredentialsError } from './service-credentials.port';
import { SignedServiceCredentials } from './signed-service-credentials';

const P = '6f1c2a3e-1111-4a4a-8b8b-000000000001';
const Q = '6f1c2a3e-1111-4a4a-8b8b-000000000002';
const ISSUER = 'https://issuer.test';
const AUDIENCE = 'carechain-test';

describe('service credentials', () => {
  let dir: string;
  let privateJwkFile: string;
  let jwksFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carechain-service-credentials-'));
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    privateJwkFile = join(dir, 'private.jwk.json');
    jwksFile = join(dir, 'jwks.json');
    writeFileSync(privateJwkFile, JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'k1', alg: 'ES256' }));
    writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const signer = (ttlSeconds = 60) =>
    new SignedServiceCredentials({ privateJwkFile, issuer: ISSUER, audience: AUDIENCE, subject: 'carechain-audit', organisation: 'carechain', ttlSeconds });
  const verifier = () => createTokenVerifier({ mode: 'dev', devJwksFile: jwksFile, issuer: ISSUER, audience: AUDIENCE });

  it('signs a short-lived service token bound to one patient that the services verify', async () => {
    const before = Date.now();
    const { token, expiresAt } = await signer(60).tokenFor({ patientId: P, purposes: ['PATRQT'] });
    const principal = await verifier().verify(token);
    expect(principal).toMatchObject({ subject: 'carechain-audit', organisation: 'carechain', roles: ['service'], purposes: ['PATRQT'], patient: P });
    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + 59_000);
    expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
  });

  it('refuses a patient binding on anything but a service-only token', async () => {
    const key = await importJWK(JSON.parse(readFileSync(privateJwkFile, 'utf8')) as JWK, 'ES256');
    const now = Math.floor(Date.now() / 1000);
    const mint = (claims: Record<string, unknown>) =>
      new SignJWT({ org: 'carechain', ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject('x')
        .setExpirationTime(now + 60)
        .sign(key);
    await expect(verifier().verify(await mint({ roles: ['clinician'], patient: P }))).rejects.toMatchObject({ code: 'invalid_claims' });
    await expect(verifier().verify(await mint({ roles: ['service', 'admin'], patient: P }))).rejects.toMatchObject({ code: 'invalid_claims' });
    await expect(verifier().verify(await mint({ roles: ['service'], patient: 'not-a-uuid' }))).rejects.toMatchObject({ code: 'invalid_claims' });
    await expect(verifier().verify(await mint({ roles: ['service'], patient: P }))).resolves.toMatchObject({ patient: P });
  });

  it('says what is missing when the signing key cannot be read', async () => {
    const missing = new SignedServiceCredentials({
      privateJwkFile: join(dir, 'nope.json'),
      issuer: ISSUER,
      audience: AUDIENCE,
      subject: 's',
      organisation: 'o',
      ttlSeconds: 60,
    });
    await expect(missing.tokenFor({ patientId: P, purposes: ['PATRQT'] })).rejects.toThrow(ServiceCredentialsError);
  });
});

describe('a service identity bound to a patient, in the access policy', () => {
  const bound = { subject: 'carechain-audit', organisation: 'hospital-a', roles: ['service'], purposes: ['PATRQT'], patient: P };
  const relation = (patientId: string) => ({ patientId, custodian: 'hospital-a', related: () => true });

  it('is self to the patient it names and other to everyone else, whatever its organisation', () => {
    expect(relationshipOf(bound, relation(P))).toBe('self');
    expect(relationshipOf(bound, { ...relation(Q), aliases: [P] })).toBe('self');
    expect(relationshipOf(bound, relation(Q))).toBe('other');
    expect(relationshipOf({ ...bound, patient: undefined }, relation(Q))).toBe('custodian');
  });

  it('reads exactly what the export needs for its patient and writes nothing', () => {
    const allowed = (Object.keys(ACCESS_POLICY) as Operation[]).filter((op) => isPermitted(op, bound.roles, 'self'));
    expect(allowed.sort()).toEqual(['claims.coverage.list', 'claims.eob.list', 'claims.read', 'consent.list', 'identity.patient.read', 'records.read'].sort());
  });

  it('gets nothing of the bound kind from the custodian relationship an unbound service of the custodian would have', () => {
    for (const op of ['consent.list', 'identity.patient.read', 'audit.access-report.read'] as const)
      expect(isPermitted(op, ['service'], 'custodian')).toBe(false);
  });
});

describe('ClientCredentialsServiceCredentials', () => {
  let server: Server;
  let url: string;
  let dir: string;
  let secretFile: string;
  let answer: (form: URLSearchParams, auth: string | undefined) => { status: number; body: unknown };
  const unsignedWith = (claims: Record<string, unknown>) =>
    `${Buffer.from(JSON.stringify({ alg: 'ES256' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carechain-client-credentials-'));
    secretFile = join(dir, 'secret');
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const { status, body: out } = answer(new URLSearchParams(body), req.headers.authorization);
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(out));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/token`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const credentials = () =>
    new ClientCredentialsServiceCredentials({ tokenUrl: url, clientId: 'audit', clientSecretFile: secretFile, audience: AUDIENCE, timeoutMs: 2000 });

  it('asks for the patient and purposes with the client secret read from its file, re-read when it changes', async () => {
    const seen: { form: URLSearchParams; auth: string | undefined }[] = [];
    answer = (form, auth) => {
      seen.push({ form, auth });
      return { status: 200, body: { access_token: unsignedWith({ patient: form.get('patient'), exp: 2_000_000_000 }), token_type: 'Bearer' } };
    };
    writeFileSync(secretFile, 's3cret\n');
    const first = await credentials().tokenFor({ patientId: P, purposes: ['PATRQT'] });
    expect(first.expiresAt.toISOString()).toBe(new Date(2_000_000_000_000).toISOString());
    writeFileSync(secretFile, 'rotated');
    await credentials().tokenFor({ patientId: P, purposes: ['PATRQT'] });
    expect(seen.map((s) => [s.form.get('grant_type'), s.form.get('patient'), s.form.getAll('purpose'), s.form.get('audience')])).toEqual([
      ['client_credentials', P, ['PATRQT'], AUDIENCE],
      ['client_credentials', P, ['PATRQT'], AUDIENCE],
    ]);
    expect(seen.map((s) => Buffer.from((s.auth ?? '').replace(/^Basic /, ''), 'base64').toString())).toEqual(['audit:s3cret', 'audit:rotated']);
  });

  it('refuses a token not bound to the patient, and a refusal of the endpoint', async () => {
    writeFileSync(secretFile, 's3cret');
    answer = () => ({ status: 200, body: { access_token: unsignedWith({ patient: Q, exp: 2_000_000_000 }) } });
    await expect(credentials().tokenFor({ patientId: P, purposes: ['PATRQT'] })).rejects.toThrow('not bound to the patient');
    answer = () => ({ status: 401, body: { error: 'invalid_client' } });
    await expect(credentials().tokenFor({ patientId: P, purposes: ['PATRQT'] })).rejects.toThrow('401 (invalid_client)');
  });
});
