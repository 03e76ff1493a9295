// The claims HTTP API inside a real Nest application on the Fastify adapter, driven
// with Fastify's inject() (no port): real controllers, auth, problem mapping and use
// cases over the in-memory claims world (replicas, projection, a recording publisher).
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { AuthModule } from '@carechain/auth';
import { FhirJsonBodies, ProblemDetailsFilter } from '@carechain/http';
import { CLAIMS_PROBLEMS } from './claims.problems';
import {
  AdjudicateClaimUseCase,
  ClaimTransitionsUseCase,
  ExplanationOfBenefitsUseCase,
  ListCoveragesUseCase,
  PublishBenefitPlanUseCase,
  ReadClaimsUseCase,
  RegisterCoverageUseCase,
  SubmitClaimUseCase,
} from '@carechain/claims-domain';
import { claim, ClaimsWorld, coverage, HOSPITAL, PAYER } from '@carechain/claims-domain/testing';
import { createLogger } from '@carechain/telemetry';
import { BenefitPlansController, PLAN_BOOK } from './benefit-plans.controller';
import { ClaimsController } from './claims.controller';
import { PatientClaimsController } from './patient-claims.controller';

const ISSUER = 'https://issuer.spec';
const AUDIENCE = 'carechain-spec';

describe('claims HTTP API', () => {
  let world: ClaimsWorld;
  let app: NestFastifyApplication;
  let dir: string;
  let privateKey: KeyLike;
  let patientId: string;
  let clerk: string;
  let payer: string;
  let patient: string;

  const token = (sub: string, org: string, roles: string[]) =>
    new SignJWT({ roles, org })
      .setProtectedHeader({ alg: 'ES256', kid: 'spec' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claims-api-'));
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'spec', alg: 'ES256', use: 'sig' }] }));
    [clerk, payer] = await Promise.all([token('clerk-1', HOSPITAL, ['registrar']), token('adjuster-1', PAYER, ['payer'])]);
  });

  beforeEach(async () => {
    world = await ClaimsWorld.create();
    patientId = await world.registerPatient();
    patient = await token(patientId, HOSPITAL, ['patient']);
    const deps = world.deps();
    @Module({
      imports: [AuthModule.forRoot({ mode: 'dev', devJwksFile: join(dir, 'jwks.json'), issuer: ISSUER, audience: AUDIENCE })],
      controllers: [ClaimsController, PatientClaimsController, BenefitPlansController],
      providers: [
        FhirJsonBodies,
        { provide: PLAN_BOOK, useValue: world.plans },
        { provide: SubmitClaimUseCase, useValue: new SubmitClaimUseCase(deps) },
        { provide: ReadClaimsUseCase, useValue: new ReadClaimsUseCase(deps) },
        { provide: AdjudicateClaimUseCase, useValue: new AdjudicateClaimUseCase(deps) },
        { provide: ClaimTransitionsUseCase, useValue: new ClaimTransitionsUseCase(deps) },
        { provide: RegisterCoverageUseCase, useValue: new RegisterCoverageUseCase(deps) },
        { provide: ListCoveragesUseCase, useValue: new ListCoveragesUseCase(deps) },
        { provide: ExplanationOfBenefitsUseCase, useValue: new ExplanationOfBenefitsUseCase(deps) },
        { provide: PublishBenefitPlanUseCase, useValue: new PublishBenefitPlanUseCase(deps) },
      ],
    })
    class SpecModule {}
    app = await NestFactory.create<NestFastifyApplication>(SpecModule, new FastifyAdapter(), { logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter(createLogger('spec', 'silent'), [CLAIMS_PROBLEMS]));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterEach(async () => {
    await app.close();
    world.dispose();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const call = (method: 'GET' | 'POST', url: string, bearer: string, body?: unknown, contentType = 'application/fhir+json') =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'content-type': contentType }) },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });

  const registerCoverage = async () => {
    const res = await call('POST', '/coverages', payer, coverage(patientId));
    expect(res.statusCode).toBe(201);
    return res.json<{ coverageId: string }>().coverageId;
  };

  it('submit → adjudicated automatically → paid → the patient reads the EOB', async () => {
    const coverageId = await registerCoverage();
    const recordId = world.recordEncounter(patientId);
    const submitted = await call('POST', '/claims', clerk, claim(patientId, coverageId, [{ recordId }]));
    expect(submitted.statusCode).toBe(201);
    const { claimId, status, response } = submitted.json();
    expect(status).toBe('approved');
    expect(response).toMatchObject({ resourceType: 'ClaimResponse', outcome: 'complete' });
    expect(submitted.headers['location']).toBe(`/claims/${claimId}`);

    const read = await call('GET', `/claims/${claimId}`, patient);
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(read.json()).toMatchObject({ resourceType: 'Claim', id: claimId });

    const paid = await call('POST', `/claims/${claimId}/payment`, payer, { amount: 70, date: '2026-03-10', remittanceReference: 'REM-1' }, 'application/json');
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid' });

    const eobs = await call('GET', `/patients/${patientId}/explanation-of-benefits`, patient);
    expect(eobs.json()).toMatchObject({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 1,
      entry: [{ resource: { resourceType: 'ExplanationOfBenefit', payment: { amount: { value: 70 } } } }],
    });
  });

  it('answers an unknown code in a required binding with 422 and an OperationOutcome', async () => {
    const coverageId = await registerCoverage();
    const res = await call('POST', '/claims', clerk, { ...claim(patientId, coverageId, [{ recordId: world.recordEncounter(patientId) }]), status: 'approved' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().outcome).toEqual({
      resourceType: 'OperationOutcome',
      issue: [expect.objectContaining({ severity: 'error', code: 'code-invalid', expression: ['Claim.status'] })],
    });
  });

  it('refuses an illegal transition with 409 naming the current state', async () => {
    const coverageId = await registerCoverage();
    const { claimId } = (await call('POST', '/claims', clerk, claim(patientId, coverageId, [{ recordId: world.recordEncounter(patientId) }]))).json();
    const res = await call('POST', `/claims/${claimId}/cancel`, clerk);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: 'https://carechain.dev/problems/claims/invalid-transition', currentStatus: 'approved' });
  });

  it('lets only the payer role adjudicate and pay, and lists its pended queue', async () => {
    const coverageId = await registerCoverage();
    const { claimId } = (
      await call('POST', '/claims', clerk, claim(patientId, coverageId, [{ recordId: world.recordEncounter(patientId, { code: '70551' }), code: '70551' }]))
    ).json();
    expect((await call('POST', `/claims/${claimId}/adjudication`, clerk, { decision: 'approve' }, 'application/json')).statusCode).toBe(403);
    const queue = await call('GET', '/claims?status=pended', payer);
    expect(queue.json()).toMatchObject({ total: 1, entry: [{ resource: { id: claimId } }] });
    const decided = await call('POST', `/claims/${claimId}/adjudication`, payer, { decision: 'approve' }, 'application/json');
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved' });
  });

  it('documents every endpoint and its error statuses in the OpenAPI', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { responses: Record<string, unknown> }>).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(
      [
        'POST /claims',
        'GET /claims',
        'GET /claims/{claimId}',
        'GET /claims/{claimId}/response',
        'POST /claims/{claimId}/adjudication',
        'POST /claims/{claimId}/payment',
        'POST /claims/{claimId}/cancel',
        'POST /claims/{claimId}/appeal',
        'POST /coverages',
        'GET /patients/{id}/coverages',
        'GET /patients/{id}/explanation-of-benefits',
        'GET /benefit-plans',
        'POST /benefit-plans',
      ].sort(),
    );
    for (const { op } of operations) for (const status of ['401', '403', '404', '409', '410', '422']) expect(Object.keys(op.responses)).toContain(status);
  });
});
