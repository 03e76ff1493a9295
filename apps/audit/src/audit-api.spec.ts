// The audit HTTP API inside a real Nest application on the Fastify adapter, driven
// with Fastify's inject() (no port): real controllers, auth, query validation,
// problem mapping and use cases over the in-memory audit world.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthModule } from '@carechain/auth';
import { createTestIssuer, type TestIssuer } from '@carechain/auth/testing';
import { ProblemDetailsFilter } from '@carechain/http';
import { ReadAuditTrailUseCase, ReadDisclosuresUseCase } from '@carechain/audit-domain';
import { AuditWorld, CLINIC, CUSTODIAN } from '@carechain/audit-domain/testing';
import { createLogger } from '@carechain/telemetry';
import { AuditController } from './audit.controller';
import { AUDIT_PROBLEMS } from './audit.problems';
import { PatientAuditController } from './patient-audit.controller';

const GRANT = '11111111-1111-4111-8111-111111111111';

describe('audit HTTP API', () => {
  let issuer: TestIssuer;
  let world: AuditWorld;
  let app: NestFastifyApplication;
  let patientId: string;
  const token = (sub: string, org: string, roles: string[]) => issuer.sign(issuer.claims({ sub, org, roles }));

  beforeAll(async () => {
    issuer = await createTestIssuer();
  });

  beforeEach(async () => {
    world = new AuditWorld();
    patientId = world.registerPatient(CUSTODIAN, new Date('2026-01-01T00:00:00Z'));
    @Module({
      imports: [AuthModule.forRoot(issuer.options())],
      controllers: [AuditController, PatientAuditController],
      providers: [
        { provide: ReadAuditTrailUseCase, useValue: new ReadAuditTrailUseCase(world.store, world.oversight) },
        { provide: ReadDisclosuresUseCase, useValue: new ReadDisclosuresUseCase(world.store, world.oversight, { years: 6, now: () => new Date('2026-06-01T00:00:00Z') }) },
      ],
    })
    class SpecModule {}
    app = await NestFactory.create<NestFastifyApplication>(SpecModule, new FastifyAdapter(), { logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter(createLogger('spec', 'silent'), [AUDIT_PROBLEMS]));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterEach(() => app.close());
  afterAll(() => issuer.cleanup());

  const get = async (url: string, bearer: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });

  it('pages the trail by time range and cursor', async () => {
    const ids = [1, 2, 3].map((d) => world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date(Date.UTC(2026, 1, d)), grantId: GRANT }).id);
    const po = await token('po-1', CUSTODIAN, ['privacy-officer']);
    const first = await get(`/audit/events?patient=${patientId}&from=2026-02-01T00:00:00Z&limit=2`, po);
    expect(first.statusCode).toBe(200);
    const body = first.json<{ events: { eventId: string }[]; next: string }>();
    expect(body.events.map((e) => e.eventId)).toEqual(ids.slice(0, 2));
    const second = (await get(`/audit/events?patient=${patientId}&from=2026-02-01T00:00:00Z&limit=2&cursor=${body.next}`, po)).json<{ events: { eventId: string }[]; next: null }>();
    expect(second).toMatchObject({ events: [{ eventId: ids[2] }], next: null });
  });

  it('answers a validation problem for a forged cursor, a reversed range or a page over 1,000', async () => {
    const po = await token('po-1', CUSTODIAN, ['privacy-officer']);
    for (const query of ['cursor=bm90LWEtY3Vyc29y', 'from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z', 'limit=1001', 'from=yesterday']) {
      const res = await get(`/audit/events?patient=${patientId}&${query}`, po);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ type: 'https://carechain.dev/problems/validation' });
    }
  });

  it("serves an investigation of the officer's own staff, and the accounting of disclosures", async () => {
    const read = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date('2026-02-01T00:00:00Z'), grantId: GRANT }).id;
    const investigation = await get('/audit/actors/dr-who/events', await token('po-2', CLINIC, ['privacy-officer']));
    expect(investigation.json()).toMatchObject({ actor: 'dr-who', organisation: CLINIC, events: [{ eventId: read }], next: null });
    const disclosures = await get(`/patients/${patientId}/disclosures`, await token(patientId, CUSTODIAN, ['patient']));
    expect(disclosures.statusCode).toBe(200);
    expect(disclosures.json()).toMatchObject({ patient: patientId, from: '2020-06-01T00:00:00.000Z', disclosures: [{ eventId: read, recipient: { organisation: CLINIC, practitioner: 'dr-who' }, basis: { kind: 'grant', grantId: GRANT } }], next: null });
  });

  it('refuses with the one forbidden problem', async () => {
    for (const [url, bearer] of [
      ['/audit/actors/dr-who/events', await token('aud-1', CLINIC, ['auditor'])],
      [`/patients/${patientId}/disclosures`, await token('po-2', CLINIC, ['privacy-officer'])],
    ] as const) {
      const res = await get(url, bearer);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ type: 'https://carechain.dev/problems/forbidden' });
    }
  });
});
