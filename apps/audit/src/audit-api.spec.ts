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
import { ReadAccessReportUseCase, ReadAuditTrailUseCase, ReadDisclosuresUseCase, SearchAuditEventsUseCase } from '@carechain/audit-domain';
import { validateAuditEvent } from '@carechain/records-fhir';
import { AuditWorld, CLINIC, CUSTODIAN } from '@carechain/audit-domain/testing';
import { createLogger } from '@carechain/telemetry';
import { AuditEventController } from './audit-event.controller';
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
    const trail = new ReadAuditTrailUseCase(world.store, world.oversight);
    @Module({
      imports: [AuthModule.forRoot(issuer.options())],
      controllers: [AuditController, PatientAuditController, AuditEventController],
      providers: [
        { provide: ReadAuditTrailUseCase, useValue: trail },
        { provide: SearchAuditEventsUseCase, useValue: new SearchAuditEventsUseCase(trail) },
        { provide: ReadAccessReportUseCase, useValue: new ReadAccessReportUseCase(world.store, world.oversight, () => new Date('2026-06-01T00:00:00Z')) },
        {
          provide: ReadDisclosuresUseCase,
          useValue: new ReadDisclosuresUseCase(world.store, world.oversight, { years: 6, now: () => new Date('2026-06-01T00:00:00Z') }),
        },
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

  const get = async (url: string, bearer: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}`, ...headers } });

  it('pages the trail by time range and cursor', async () => {
    const ids = [1, 2, 3].map(
      (d) => world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date(Date.UTC(2026, 1, d)), grantId: GRANT }).id,
    );
    const po = await token('po-1', CUSTODIAN, ['privacy-officer']);
    const first = await get(`/audit/events?patient=${patientId}&from=2026-02-01T00:00:00Z&limit=2`, po);
    expect(first.statusCode).toBe(200);
    const body = first.json<{ events: { eventId: string }[]; next: string }>();
    expect(body.events.map((e) => e.eventId)).toEqual(ids.slice(0, 2));
    const second = (await get(`/audit/events?patient=${patientId}&from=2026-02-01T00:00:00Z&limit=2&cursor=${body.next}`, po)).json<{
      events: { eventId: string }[];
      next: null;
    }>();
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
    expect(disclosures.json()).toMatchObject({
      patient: patientId,
      from: '2020-06-01T00:00:00.000Z',
      disclosures: [{ eventId: read, recipient: { organisation: CLINIC, practitioner: 'dr-who' }, basis: { kind: 'grant', grantId: GRANT } }],
      next: null,
    });
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

  describe('GET /AuditEvent', () => {
    type Bundle = {
      resourceType: string;
      type: string;
      link: { relation: string; url: string }[];
      entry?: { fullUrl: string; resource: { id: string; meta: { profile: string[] } } }[];
    };

    it('answers a searchset Bundle of valid BALP AuditEvents, paged by next links, within a date range', async () => {
      const ids = [1, 2, 3].map(
        (d) => world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date(Date.UTC(2026, 1, d, 12)), grantId: GRANT }).id,
      );
      world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date(Date.UTC(2026, 2, 1)), grantId: GRANT });
      const po = await token('po-1', CUSTODIAN, ['privacy-officer']);
      const first = await get(`/AuditEvent?patient=Patient/${patientId}&date=ge2026-02-01&date=le2026-02-03&_count=2`, po);
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toMatch(/^application\/fhir\+json/);
      const bundle = first.json<Bundle>();
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
      expect(bundle.entry!.map((e) => e.resource.id)).toEqual(ids.slice(0, 2));
      for (const e of bundle.entry!) {
        expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);
        const check = validateAuditEvent(e.resource);
        expect(check.ok ? [] : check.issues).toEqual([]);
      }
      const next = new URL(bundle.link.find((l) => l.relation === 'next')!.url);
      const second = (await get(`${next.pathname}${next.search}`, po)).json<Bundle>();
      expect(second.entry!.map((e) => e.resource.id)).toEqual([ids[2]]);
      expect(second.link.some((l) => l.relation === 'next')).toBe(false);
    });

    it('filters by agent and entity type, and investigates an agent alone for a privacy officer', async () => {
      const mine = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date('2026-02-01T00:00:00Z'), grantId: GRANT }).id;
      world.access({ patientId, actor: 'dr-other', organisation: CLINIC, time: new Date('2026-02-02T00:00:00Z'), grantId: GRANT });
      const po = await token('po-1', CUSTODIAN, ['privacy-officer']);
      const byAgent = (await get(`/AuditEvent?patient=${patientId}&agent=dr-who`, po)).json<Bundle>();
      expect(byAgent.entry!.map((e) => e.resource.id)).toEqual([mine]);
      const persons = (await get(`/AuditEvent?patient=${patientId}&entity-type=http://terminology.hl7.org/CodeSystem/audit-entity-type|1`, po)).json<Bundle>();
      expect(persons.entry).toHaveLength(3);
      const investigation = (await get('/AuditEvent?agent=dr-who', await token('po-2', CLINIC, ['privacy-officer']))).json<Bundle>();
      expect(investigation.entry!.map((e) => e.resource.id)).toEqual([mine]);
    });

    it('refuses a search naming neither patient nor agent, or with a malformed date', async () => {
      const po = await token('po-1', CUSTODIAN, ['privacy-officer']);
      for (const query of ['', `patient=${patientId}&date=after2026`, `patient=${patientId}&_count=0`]) {
        const res = await get(`/AuditEvent?${query}`, po);
        expect(res.statusCode).toBe(400);
      }
    });
  });

  describe('GET /patients/:id/access-report', () => {
    it('answers JSON by default, and a self-contained printable page for text/html or format=html', async () => {
      const read = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date('2026-02-01T09:30:00Z'), grantId: GRANT });
      world.anchor(read);
      world.access({ patientId, actor: 'dr-<script>', organisation: CLINIC, time: new Date('2026-02-02T09:30:00Z'), decision: 'deny' });
      const me = await token(patientId, 'patients', ['patient']);
      const json = await get(`/patients/${patientId}/access-report`, me);
      expect(json.statusCode).toBe(200);
      expect(json.json()).toMatchObject({
        patient: patientId,
        lines: [{ eventId: read.id, kind: 'viewed', ledger: { verified: true } }, { kind: 'refused' }],
        next: null,
      });
      for (const res of [
        await get(`/patients/${patientId}/access-report`, me, { accept: 'text/html,application/xhtml+xml' }),
        await get(`/patients/${patientId}/access-report?format=html`, me),
      ]) {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['content-security-policy']).toContain("default-src 'none'");
        const html = res.body;
        expect(html).toContain(`dr-who at ${CLINIC} viewed 1 record (conditions) for your treatment`);
        expect(html).toContain(`<a href="/audit/events/${read.id}/proof"`);
        expect(html).toContain('verified on the ledger');
        expect(html).toContain('dr-&lt;script&gt;');
        expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\//i);
      }
    });

    it('links the next page of the printable report', async () => {
      for (const d of [1, 2, 3]) world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date(Date.UTC(2026, 1, d)), grantId: GRANT });
      const res = await get(
        `/patients/${patientId}/access-report?format=html&limit=2&from=2026-02-01T00:00:00Z`,
        await token(patientId, 'patients', ['patient']),
      );
      const href = /<a rel="next" href="([^"]+)"/.exec(res.body)?.[1]?.replace(/&amp;/g, '&');
      expect(href).toMatch(/^\?from=2026-02-01T00%3A00%3A00\.000Z&limit=2&cursor=[A-Za-z0-9_-]+&format=html$/);
      const next = await get(`/patients/${patientId}/access-report${href}`, await token(patientId, 'patients', ['patient']));
      expect(next.body.match(/<tr class="kind-/g)).toHaveLength(1);
    });

    it("refuses another organisation's officer", async () => {
      const res = await get(`/patients/${patientId}/access-report`, await token('po-2', CLINIC, ['privacy-officer']));
      expect(res.statusCode).toBe(403);
    });
  });
});
