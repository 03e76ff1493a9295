// The records HTTP API inside a real Nest application on the Fastify adapter, driven
// with Fastify's inject() (no port): real controllers, auth, problem mapping and use
// cases over the in-memory records world (replicas, projection, a fake publisher).
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { RECORD_SHARED_V1, Topics, type AccessDecidedV1 } from '@carechain/contracts';
import { AuthModule } from '@carechain/auth';
import { createTestIssuer, type TestIssuer } from '@carechain/auth/testing';
import { FhirJsonBodies, ProblemDetailsFilter } from '@carechain/http';
import { RECORDS_PROBLEMS } from './records.problems';
import { ReadRecordUseCase, SearchRecordsUseCase, ShareRecordUseCase, WriteRecordUseCase } from '@carechain/records-domain';
import { allergy, CLINIC, condition, CUSTODIAN, RecordsWorld } from '@carechain/records-domain/testing';
import { createLogger } from '@carechain/telemetry';
import { PatientRecordsController } from './patient-records.controller';
import { RecordsController } from './records.controller';

describe('records HTTP API', () => {
  let world: RecordsWorld;
  let app: NestFastifyApplication;
  let issuer: TestIssuer;
  let patientId: string;

  const token = (sub: string, org: string, roles: string[]) => issuer.sign(issuer.claims({ sub, org, roles }));
  let custodian: string;
  let clinic: string;
  let registrar: string;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    [custodian, clinic, registrar] = await Promise.all([
      token('dr-house', CUSTODIAN, ['clinician']),
      token('dr-who', CLINIC, ['clinician']),
      token('reg-1', CUSTODIAN, ['registrar']),
    ]);
  });

  beforeEach(async () => {
    world = await RecordsWorld.create();
    patientId = await world.registerPatient();
    const deps = world.deps();
    @Module({
      imports: [AuthModule.forRoot(issuer.options())],
      controllers: [PatientRecordsController, RecordsController],
      providers: [
        FhirJsonBodies,
        { provide: WriteRecordUseCase, useValue: new WriteRecordUseCase(deps) },
        { provide: ReadRecordUseCase, useValue: new ReadRecordUseCase(deps) },
        { provide: SearchRecordsUseCase, useValue: new SearchRecordsUseCase(deps) },
        { provide: ShareRecordUseCase, useValue: new ShareRecordUseCase(deps) },
      ],
    })
    class SpecModule {}
    app = await NestFactory.create<NestFastifyApplication>(SpecModule, new FastifyAdapter(), { logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter(createLogger('spec', 'silent'), [RECORDS_PROBLEMS]));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterEach(async () => {
    await app.close();
    world.dispose();
  });

  afterAll(() => issuer.cleanup());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, bearer: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'content-type': 'application/fhir+json' }), ...headers },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });
  const create = async (resource: unknown = condition(patientId)) => {
    const res = await call('POST', `/patients/${patientId}/records`, custodian, resource);
    expect(res.statusCode).toBe(201);
    return res.json<{ recordId: string; version: number; eventId: string }>();
  };
  const accessEvents = () => world.publisher.on(Topics.recordsAccess).map((p) => p.event.data as AccessDecidedV1);

  it('files a FHIR resource sent as application/fhir+json: 201 with the record id, version and event id, Location and ETag', async () => {
    const res = await call('POST', `/patients/${patientId}/records`, custodian, condition(patientId));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({ recordId: expect.any(String), version: 1, eventId: expect.any(String) });
    expect(res.headers['location']).toBe(`/records/${body.recordId}`);
    expect(res.headers['etag']).toBe('W/"1"');
    const withVersion = await call('POST', `/patients/${patientId}/records`, custodian, condition(patientId), {
      'content-type': 'application/fhir+json; fhirVersion=4.0',
    });
    expect(withVersion.statusCode).toBe(201);
  });

  it('reads a record back as application/fhir+json with its ETag and the id of the access event', async () => {
    const { recordId } = await create();
    const res = await call('GET', `/records/${recordId}?purpose=TREAT`, custodian);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.json()).toMatchObject({ resourceType: 'Condition', id: recordId, meta: { versionId: '1' } });
    expect(res.headers['etag']).toBe('W/"1"');
    expect(res.headers['x-access-event-ids']).toBe(world.publisher.on(Topics.recordsAccess)[0].event.id);
  });

  it('answers a denied read with 403 problem+json carrying the consent reason, after recording it', async () => {
    const { recordId } = await create();
    const res = await call('GET', `/records/${recordId}`, clinic);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ type: 'https://carechain.dev/problems/forbidden', status: 403, reason: 'no-grant' });
    expect(accessEvents()).toEqual([expect.objectContaining({ decision: 'deny', denyReason: 'no-grant' })]);
  });

  it('lets a clinician break the glass through x-break-glass-reason', async () => {
    const { recordId } = await create();
    const res = await call('GET', `/records/${recordId}?purpose=ETREAT`, clinic, undefined, {
      'x-break-glass-reason': 'Patient unconscious after a road accident',
    });
    expect(res.statusCode).toBe(200);
    expect(accessEvents()).toEqual([expect.objectContaining({ decision: 'permit', basis: 'break-glass', breakGlass: true, purpose: 'ETREAT' })]);
  });

  it("lets a patient read their own records (PATRQT unless they say otherwise) and nobody else's", async () => {
    const { recordId } = await create();
    const self = await token(patientId, CUSTODIAN, ['patient']);
    const own = await call('GET', `/records/${recordId}`, self);
    expect(own.statusCode).toBe(200);
    const search = await call('GET', `/patients/${patientId}/records`, self);
    expect(search.statusCode).toBe(200);
    expect(search.json<{ total: number }>().total).toBe(1);
    // A patient token at the custodian is no clinician there: not for treatment, not another patient.
    expect((await call('GET', `/records/${recordId}?purpose=TREAT`, self)).json()).toMatchObject({ status: 403, reason: 'own-records-purpose' });
    const other = await token(await world.registerPatient(), CUSTODIAN, ['patient']);
    expect((await call('GET', `/records/${recordId}`, other)).json()).toMatchObject({ status: 403, reason: 'not-own-records' });
    expect(accessEvents().map((e) => [e.actor.subject === patientId, e.decision, e.basis ?? e.denyReason, e.purpose])).toEqual([
      [true, 'permit', 'patient', 'PATRQT'],
      [true, 'permit', 'patient', 'PATRQT'],
      [true, 'deny', 'own-records-purpose', 'TREAT'],
      [false, 'deny', 'not-own-records', 'PATRQT'],
    ]);
  });

  it('refuses an invalid resource with 400, its issues as errors and as an OperationOutcome', async () => {
    const res = await call('POST', `/patients/${patientId}/records`, custodian, { resourceType: 'Condition' });
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem).toMatchObject({
      type: 'https://carechain.dev/problems/records/invalid-resource',
      errors: [expect.objectContaining({ path: expect.any(String), message: expect.any(String), code: 'required' })],
    });
    expect(problem.outcome).toMatchObject({ resourceType: 'OperationOutcome', issue: [expect.objectContaining({ severity: 'error', code: 'required' })] });
  });

  it('answers 400 for a resource about another patient, 404 for an unknown one, 403 for a role that does not write', async () => {
    expect((await call('POST', `/patients/${patientId}/records`, custodian, condition(randomUUID()))).json()).toMatchObject({
      status: 400,
      type: expect.stringContaining('subject-mismatch'),
    });
    const unknown = randomUUID();
    expect((await call('POST', `/patients/${unknown}/records`, custodian, condition(unknown))).statusCode).toBe(404);
    expect((await call('POST', `/patients/${patientId}/records`, registrar, condition(patientId))).statusCode).toBe(403);
    expect((await call('POST', `/patients/not-a-uuid/records`, custodian, condition(patientId))).statusCode).toBe(400);
  });

  it('amends with PUT (200, the next version), refuses a stale If-Match with 412, and serves the history as a Bundle', async () => {
    const { recordId } = await create();
    const amended = await call('PUT', `/records/${recordId}`, custodian, condition(patientId, 'Type 2 diabetes, controlled'), { 'if-match': 'W/"1"' });
    expect([amended.statusCode, amended.json().version, amended.headers['etag']]).toEqual([200, 2, 'W/"2"']);
    expect((await call('PUT', `/records/${recordId}`, custodian, condition(patientId), { 'if-match': 'W/"1"' })).statusCode).toBe(412);
    const history = await call('GET', `/records/${recordId}/_history`, custodian);
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject({ resourceType: 'Bundle', type: 'history', total: 2 });
  });

  it('searches into a searchset Bundle of the permitted categories only, naming the withheld ones, with absolute paging links', async () => {
    await create();
    await create();
    await create(allergy(patientId));
    world.grant(patientId, CLINIC, ['conditions']);
    const res = await call('GET', `/patients/${patientId}/records?_count=1`, clinic);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = res.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 2 });
    expect(bundle.entry.map((e: { resource: { resourceType: string }; search: { mode: string } }) => [e.resource.resourceType, e.search.mode])).toEqual([
      ['Condition', 'match'],
      ['OperationOutcome', 'outcome'],
    ]);
    expect(bundle.link).toEqual([
      { relation: 'self', url: `http://localhost/patients/${patientId}/records?_count=1` },
      { relation: 'next', url: `http://localhost/patients/${patientId}/records?_count=1&_offset=1` },
    ]);
    expect(res.headers['x-access-event-ids']?.toString().split(',')).toHaveLength(2);
    const refused = await call('GET', `/patients/${patientId}/records?category=allergies`, clinic);
    expect([refused.statusCode, refused.json().reason]).toEqual([403, 'category-not-granted']);
    expect((await call('GET', `/patients/${patientId}/records?category=labs`, clinic)).statusCode).toBe(400);
  });

  it('shares a record with an organisation consent permits (201), and answers 409 with the reason otherwise', async () => {
    const { recordId } = await create();
    const refused = await call('POST', `/records/${recordId}/shares`, custodian, undefined, { 'content-type': 'application/json' });
    expect(refused.statusCode).toBe(400);
    const share = (organisation: string) =>
      app.inject({
        method: 'POST',
        url: `/records/${recordId}/shares`,
        headers: { authorization: `Bearer ${custodian}` },
        payload: { organisation, purpose: 'TREAT' },
      });
    const notPermitted = await share(CLINIC);
    expect([notPermitted.statusCode, notPermitted.json().reason]).toEqual([409, 'no-grant']);
    const grantId = world.grant(patientId, CLINIC, ['conditions']);
    const shared = await share(CLINIC);
    expect([shared.statusCode, shared.json().grantId]).toEqual([201, grantId]);
    expect(world.publisher.on(Topics.recordsRecord).filter((p) => p.event.type === RECORD_SHARED_V1)).toHaveLength(1);
  });

  it('answers 404 for an unknown record and 410 once the patient is erased', async () => {
    const { recordId } = await create();
    expect((await call('GET', `/records/${randomUUID()}`, custodian)).statusCode).toBe(404);
    world.erase(patientId);
    expect((await call('GET', `/records/${recordId}`, custodian)).statusCode).toBe(410);
    expect((await call('GET', `/patients/${patientId}/records`, custodian)).statusCode).toBe(410);
    expect((await call('POST', `/patients/${patientId}/records`, custodian, condition(patientId))).statusCode).toBe(410);
  });
});
