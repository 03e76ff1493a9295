// A patient registered over HTTP travels through Kafka into identity's and
// audit's read models; without a token or with a bad body, nothing happens.
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { token } from './support/tokens';
import { testPatient } from './support/patients';

describe('registering a patient end to end', () => {
  let identity: ServiceProcess;
  let audit: ServiceProcess;
  let registrar: string;
  let auditor: string;

  beforeAll(async () => {
    [identity, audit] = await Promise.all([startServiceProcess('identity'), startServiceProcess('audit')]);
    registrar = await token({ sub: 'registrar-1', roles: ['registrar'], org: 'hospital-a' });
    auditor = await token({ sub: 'auditor-1', roles: ['auditor'], org: 'hospital-a' });
  });

  afterAll(async () => {
    await Promise.all([identity?.stop(), audit?.stop()]);
  });

  const post = (body: unknown, auth?: string, raw?: string) =>
    fetch(`${identity.url}/patients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth && { authorization: `Bearer ${auth}` }) },
      body: raw ?? JSON.stringify(body),
    });

  it('answers 201 with the id, then serves the patient and lists the event in audit', async () => {
    const patient = testPatient(1);
    const res = await post(patient.body, registrar);
    expect(res.status).toBe(201);
    const { id, eventId } = (await res.json()) as { id: string; eventId: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const fetched = await eventually('the patient in identity', async () => {
      const r = await fetch(`${identity.url}/patients/${id}`, { headers: { authorization: `Bearer ${registrar}` } });
      return r.status === 200 ? ((await r.json()) as { id: string; custodian: string; demographics: { name: { family: string } } }) : undefined;
    });
    expect(fetched).toMatchObject({ id, custodian: 'hospital-a', demographics: { name: { family: patient.body.demographics.name.family } } });

    const listing = await eventually('the event in audit', async () => {
      const r = await fetch(`${audit.url}/audit/events?patient=${id}`, { headers: { authorization: `Bearer ${auditor}` } });
      const body = (await r.json()) as { events: { eventId: string; type: string; actor: string; time: string }[] };
      return body.events.some((e) => e.eventId === eventId) ? body : undefined;
    });
    const registered = listing.events.find((e) => e.eventId === eventId);
    expect(registered).toMatchObject({ eventId, type: 'carechain.identity.patient.registered.v2', actor: 'registrar-1', actorOrganisation: 'hospital-a' });
    expect(Date.parse(registered!.time)).not.toBeNaN();
  });

  it('refuses a request without a token with 401 problem+json', async () => {
    const res = await post(testPatient(2).body);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { type: string }).type).toMatch(/^https:\/\/carechain\.dev\/problems\/auth\//);
  });

  it('refuses a role that may not register with 403', async () => {
    const res = await post(testPatient(3).body, await token({ sub: 'p', roles: ['payer'], org: 'insurer-x' }));
    expect(res.status).toBe(403);
  });

  it('answers 400 with field errors for a malformed body, and for unparsable JSON', async () => {
    const bad = testPatient(4).body;
    const res = await post({ ...bad, demographics: { ...bad.demographics, birthDate: 'not-a-date' }, identifiers: [] }, registrar);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { type: string; errors: { path: string }[] };
    expect(problem.type).toBe('https://carechain.dev/problems/validation');
    // No identifier is allowed (partial demographics, issue 10): only the date is wrong.
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['demographics.birthDate']);

    const unparsable = await post(undefined, registrar, '{"demographics": ');
    expect(unparsable.status).toBe(400);
    expect(unparsable.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 404 problem+json for an unknown patient and serves health and OpenAPI without a token', async () => {
    const res = await fetch(`${identity.url}/patients/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${registrar}` } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { type: string }).type).toBe('https://carechain.dev/problems/identity/patient-not-found');
    expect((await fetch(`${identity.url}/health/live`)).status).toBe(200);
    const openapi = (await (await fetch(`${identity.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/patients', '/patients/{id}']));
  });
});
