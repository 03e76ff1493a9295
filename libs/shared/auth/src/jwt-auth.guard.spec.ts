// The guard inside a real Nest application on the Fastify adapter, driven with
// Fastify's inject(): the request objects are Fastify's, as in production.
import 'reflect-metadata';
import { Controller, Get, Module, type ExecutionContext } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthModule } from './auth.module';
import { CurrentPrincipal } from './current-principal.decorator';
import { JwtAuthGuard } from './jwt-auth.guard';
import type { Principal } from './principal';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';
import { TokenVerifier } from './token-verifier';
import { createTestIssuer, type TestIssuer } from './testing/test-issuer';

@Controller('things')
class ThingsController {
  @Public()
  @Get('open')
  open(): { ok: true } {
    return { ok: true };
  }

  @Get('mine')
  mine(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Roles('admin', 'registrar')
  @Get('admin')
  admin(): { ok: true } {
    return { ok: true };
  }
}

@Roles('auditor')
@Controller('audit')
class AuditController {
  @Get()
  list(): { ok: true } {
    return { ok: true };
  }

  @Roles('clinician')
  @Get('clinical')
  clinical(): { ok: true } {
    return { ok: true };
  }
}

describe('JwtAuthGuard (Nest + Fastify)', () => {
  let issuer: TestIssuer;
  let app: NestFastifyApplication;
  let clinician: string;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    @Module({ imports: [AuthModule.forRoot(issuer.options())], controllers: [ThingsController, AuditController] })
    class TestAppModule {}
    app = await NestFactory.create<NestFastifyApplication>(TestAppModule, new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    clinician = await issuer.sign(issuer.claims({ roles: ['clinician'] }));
  });
  afterAll(async () => {
    await app.close();
    issuer.cleanup();
  });

  const get = (url: string, token?: string) => app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lets @Public() routes through without a token', async () => {
    const res = await get('/things/open');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it('answers 401 missing_token with a problem body and a challenge', async () => {
    const res = await get('/things/mine');
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="carechain"');
    expect(res.json()).toEqual({
      type: 'https://carechain.dev/problems/auth/missing_token',
      title: 'Authentication required',
      status: 401,
      detail: 'Send a bearer token in the Authorization header.',
    });
  });

  it('answers 401 with the failure code for a bad token, saying nothing more', async () => {
    const res = await get('/things/mine', await issuer.sign(issuer.claims({ exp: Math.floor(Date.now() / 1000) - 60 })));
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="carechain", error="invalid_token"');
    expect(res.json()).toMatchObject({ type: 'https://carechain.dev/problems/auth/expired', status: 401 });
    expect(res.body).not.toMatch(/jose|claim timestamp/i);
  });

  it('attaches the principal for @CurrentPrincipal()', async () => {
    const res = await get('/things/mine', clinician);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ subject: 'user-1', roles: ['clinician'], organisation: 'hospital-a', tokenId: 'token-1' });
  });

  it('answers 403 forbidden when the principal has none of the roles', async () => {
    const res = await get('/things/admin', clinician);
    expect(res.statusCode).toBe(403);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="carechain", error="insufficient_scope"');
    expect(res.json()).toEqual({
      type: 'https://carechain.dev/problems/forbidden',
      title: 'Forbidden',
      status: 403,
      detail: 'None of your roles may perform this operation.',
    });
  });

  it('lets any one of the roles through', async () => {
    const registrar = await issuer.sign(issuer.claims({ roles: ['patient', 'registrar'] }));
    expect((await get('/things/admin', registrar)).statusCode).toBe(200);
  });

  it('applies class-level @Roles, and a handler @Roles replaces them', async () => {
    const auditor = await issuer.sign(issuer.claims({ roles: ['auditor'] }));
    expect((await get('/audit', auditor)).statusCode).toBe(200);
    expect((await get('/audit', clinician)).statusCode).toBe(403);
    expect((await get('/audit/clinical', clinician)).statusCode).toBe(200);
    expect((await get('/audit/clinical', auditor)).statusCode).toBe(403);
  });

  it('checks the token before the roles: a bad token on a role route is 401', async () => {
    expect((await get('/things/admin', 'not.a.token')).statusCode).toBe(401);
  });

  it('exports the verifier for other providers', () => {
    expect(app.get(TokenVerifier)).toBeDefined();
  });
});

describe('JwtAuthGuard with a per-principal rate limit', () => {
  let issuer: TestIssuer;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    @Module({ imports: [AuthModule.forRoot(issuer.options({ rateLimit: { perSecond: 0.5, burst: 2 } }))], controllers: [ThingsController] })
    class LimitedAppModule {}
    app = await NestFactory.create<NestFastifyApplication>(LimitedAppModule, new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app.close();
    issuer.cleanup();
  });

  const get = (url: string, token?: string) => app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers 429 with Retry-After once a principal spends its burst, whatever the route or its roles', async () => {
    const alice = await issuer.sign(issuer.claims({ sub: 'alice', roles: ['clinician'] }));
    expect((await get('/things/mine', alice)).statusCode).toBe(200);
    expect((await get('/things/admin', alice)).statusCode).toBe(403);
    const limited = await get('/things/mine', alice);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('2');
    expect(limited.json()).toMatchObject({ type: 'https://carechain.dev/problems/auth/rate_limited', status: 429 });
    // A new token of the same principal is the same principal.
    expect((await get('/things/mine', await issuer.sign(issuer.claims({ sub: 'alice', roles: ['clinician'], jti: 'another' })))).statusCode).toBe(429);
  });

  it('counts each principal on its own and leaves public routes alone', async () => {
    const bob = await issuer.sign(issuer.claims({ sub: 'bob', roles: ['clinician'] }));
    expect((await get('/things/mine', bob)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await get('/things/open')).statusCode).toBe(200);
  });

  it('checks the token first: requests without a valid one are 401, not counted', async () => {
    for (let i = 0; i < 3; i++) expect((await get('/things/mine', 'not.a.token')).statusCode).toBe(401);
  });
});

describe('JwtAuthGuard (unit)', () => {
  it('leaves non-HTTP contexts (Kafka, RPC) alone', async () => {
    const verifier: TokenVerifier = { verify: jest.fn() };
    const guard = new JwtAuthGuard(verifier, new Reflector());
    const context = { getType: () => 'rpc' } as unknown as ExecutionContext;
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(verifier.verify).not.toHaveBeenCalled();
  });

  it('lets unexpected verifier errors surface (a 500, not a disguised 401)', async () => {
    const verifier: TokenVerifier = { verify: () => Promise.reject(new TypeError('bug')) };
    const guard = new JwtAuthGuard(verifier, new Reflector());
    const request = { headers: { authorization: 'Bearer a.b.c' } };
    const context = {
      getType: () => 'http',
      getHandler: () => () => undefined,
      getClass: () => class {},
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
    } as unknown as ExecutionContext;
    await expect(guard.canActivate(context)).rejects.toThrow(TypeError);
  });
});
