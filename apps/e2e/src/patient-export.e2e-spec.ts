// The patient's export (right of access and portability), end to end on the real
// Kafka and Redis: a patient with demographics, a record in two versions, a grant, a
// coverage, a claim and its explanation of benefit. audit assembles one FHIR
// collection Bundle by asking identity, consent, records and claims over HTTP with its
// service identity bound to the patient; the Bundle is checked against what the patient
// reads directly (its FHIR validation is in audit's unit spec); nobody else gets it; the
// service's reads are in the patient's trail; an erased patient's export is refused.
import { join } from 'node:path';
import { call } from './support/api';
import { exportEnv } from './support/audit-exports';
import { claim as claimOf, coverage, encounter } from './support/claim-resources';
import { testPatient } from './support/patients';
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { token } from './support/tokens';

const repoRoot = join(__dirname, '..', '..', '..');
const SERVICE_SUBJECT = 'carechain-audit';

interface Entry {
  readonly fullUrl: string;
  readonly resource: { resourceType: string; id?: string; meta?: { versionId?: string }; [key: string]: unknown };
}
interface Bundle {
  readonly resourceType: string;
  readonly type: string;
  readonly entry: Entry[];
}

const condition = (patientId: string, status: string) => ({
  resourceType: 'Condition',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: status }] },
  subject: { reference: `Patient/${patientId}` },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '195967001', display: 'Asthma' }] },
});

describe("the patient's export", () => {
  let services: ServiceProcess[];
  let identity: ServiceProcess;
  let consent: ServiceProcess;
  let records: ServiceProcess;
  let claims: ServiceProcess;
  let audit: ServiceProcess;
  const t: Record<string, string> = {};
  let patientId: string;
  let otherPatientId: string;
  let conditionId: string;
  let grantId: string;
  let claimIds: string[];

  beforeAll(async () => {
    [identity, consent, records, claims] = (await Promise.all([
      startServiceProcess('identity'),
      startServiceProcess('consent'),
      startServiceProcess('records'),
      startServiceProcess('claims', { CLAIMS_BENEFIT_PLANS_FILE: join(repoRoot, 'apps', 'claims', 'benefit-plans.dev.json') }),
    ])) as [ServiceProcess, ServiceProcess, ServiceProcess, ServiceProcess];
    audit = await startServiceProcess('audit', exportEnv({ identity, consent, records, claims }));
    services = [identity, consent, records, claims, audit];
    t.desk = await token({ sub: 'clerk-a', roles: ['registrar'], org: 'hospital-a' });
    t.doctor = await token({ sub: 'dr-a', roles: ['clinician'], org: 'hospital-a' });
    t.payer = await token({ sub: 'adjuster-1', roles: ['payer'], org: 'payer-c' });
    t.officerA = await token({ sub: 'dpo-a', roles: ['privacy-officer'], org: 'hospital-a' });
    t.officerB = await token({ sub: 'dpo-b', roles: ['privacy-officer'], org: 'clinic-b' });

    const register = async () => {
      const r = await call<{ id: string }>(identity.url, 'POST', '/patients', t.desk!, testPatient().body);
      expect(r.status).toBe(201);
      return r.body.id;
    };
    patientId = await register();
    otherPatientId = await register();
    t.patient = await token({ sub: patientId, roles: ['patient'], org: 'patients' });
    t.otherPatient = await token({ sub: otherPatientId, roles: ['patient'], org: 'patients' });

    const written = await eventually('records to know the patient', async () => {
      const r = await call<{ recordId: string }>(records.url, 'POST', `/patients/${patientId}/records`, t.doctor!, condition(patientId, 'active'));
      return r.status === 201 ? r : undefined;
    });
    conditionId = written.body.recordId;
    const amended = await call(records.url, 'PUT', `/records/${conditionId}`, t.doctor!, condition(patientId, 'resolved'));
    expect(amended.status).toBe(200);

    const granted = await eventually('consent to know the patient', async () => {
      const r = await call<{ grantId: string }>(consent.url, 'POST', '/consents', t.desk!, {
        patientId,
        grantee: { organisation: 'clinic-b' },
        categories: ['conditions'],
        purposes: ['TREAT'],
      });
      return r.status === 201 ? r : undefined;
    });
    grantId = granted.body.grantId;

    const today = new Date().toISOString().slice(0, 10);
    const visit = await call<{ recordId: string }>(records.url, 'POST', `/patients/${patientId}/records`, t.doctor!, encounter(patientId, '99213', today));
    expect(visit.status).toBe(201);
    const covered = await eventually('claims to know the patient', async () => {
      const r = await call<{ coverageId: string }>(claims.url, 'POST', '/coverages', t.payer!, coverage(patientId));
      return r.status === 404 ? undefined : r;
    });
    expect(covered.status).toBe(201);
    // claims learns of the encounter from records.record.v1; until then the item is undocumented (denied).
    await eventually('a claim approved on the documented encounter', async () => {
      const r = await call<{ status: string }>(
        claims.url,
        'POST',
        '/claims',
        t.desk!,
        claimOf(patientId, covered.body.coverageId, visit.body.recordId, '99213', 80, today),
      );
      expect(r.status).toBe(201);
      return r.body.status === 'approved' ? r : undefined;
    });
    const mine = await call<{ entry?: { resource: { id: string } }[] }>(claims.url, 'GET', `/claims?patient=${patientId}&_count=100`, t.patient!);
    claimIds = (mine.body.entry ?? []).map((e) => e.resource.id).sort();
    expect(claimIds.length).toBeGreaterThan(0);
    // audit's trail follows the topics: the export holds what it has seen, so let it see the writes first.
    await eventually(
      "the record writes in audit's trail",
      async () => {
        const r = await call<{ events: { type: string }[] }>(audit.url, 'GET', `/audit/events?patient=${patientId}&limit=1000`, t.patient!);
        return r.body.events.filter((e) => e.type === 'carechain.records.record.written.v1').length >= 3 ? true : undefined;
      },
      30_000,
      250,
    );
  });

  afterAll(async () => {
    await Promise.all((services ?? []).map((s) => s.stop()));
  });

  async function exportOf(bearer: string, subject: string): Promise<{ exportId: string; bundle: Bundle }> {
    const started = await eventually('audit to know the patient', async () => {
      const r = await call<{ exportId: string; status: string; location: string }>(audit.url, 'POST', `/patients/${patientId}/exports`, bearer);
      return r.status === 404 ? undefined : r;
    });
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/exports/${started.body.exportId}`);
    expect(started.body).toMatchObject({ patient: patientId, status: 'running' });
    const ready = await eventually(
      `the export of ${subject}`,
      async () => {
        const r = await call<Bundle>(audit.url, 'GET', `/exports/${started.body.exportId}`, bearer);
        if (r.status === 202) return undefined;
        expect(r.status).toBe(200);
        expect(r.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
        return r;
      },
      60_000,
      250,
    );
    return { exportId: started.body.exportId, bundle: ready.body };
  }

  it('holds everything carechain has about the patient in one valid FHIR collection Bundle, as each service answers the patient', async () => {
    const { bundle } = await exportOf(t.patient!, 'the patient');
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    // The FHIR schemas check the Bundle audit assembles in its unit spec (validateCollectionBundle); e2e may not
    // import records' libs, so here each entry is compared with what its service answers the patient.
    expect(bundle.entry.every((e) => typeof e.fullUrl === 'string' && e.fullUrl.length > 0)).toBe(true);
    const of = (type: string) => bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);

    const demographics = await call<{ demographics: { name: { family: string }; birthDate: string } }>(
      identity.url,
      'GET',
      `/patients/${patientId}`,
      t.patient!,
    );
    expect(of('Patient')).toEqual([
      expect.objectContaining({
        id: patientId,
        name: [expect.objectContaining({ family: demographics.body.demographics.name.family })],
        birthDate: demographics.body.demographics.birthDate,
      }),
    ]);
    // The Condition in both versions, newest first, as records' history gives it.
    const history = await call<{ entry: { resource: unknown }[] }>(records.url, 'GET', `/records/${conditionId}/_history`, t.patient!);
    expect(of('Condition')).toEqual(history.body.entry.map((e) => e.resource));
    expect(of('Condition').map((r) => r.meta?.versionId)).toEqual(['2', '1']);
    expect(of('Encounter')).toHaveLength(1);
    expect(of('Consent')).toEqual([expect.objectContaining({ id: grantId, status: 'active', patient: { reference: `Patient/${patientId}` } })]);
    expect(of('Coverage')).toHaveLength(1);
    expect(
      of('Claim')
        .map((r) => r.id)
        .sort(),
    ).toEqual(claimIds);
    const eobs = await call<{ entry?: { resource: unknown }[] }>(claims.url, 'GET', `/patients/${patientId}/explanation-of-benefits`, t.patient!);
    expect(of('ExplanationOfBenefit')).toEqual((eobs.body.entry ?? []).map((e) => e.resource));
    expect(of('ExplanationOfBenefit').length).toBeGreaterThan(0);
    // The access report as BALP AuditEvents: among them the clinician writing both versions of the record.
    const writes = of('AuditEvent').filter((e) => JSON.stringify(e['entity'] ?? []).includes(conditionId));
    expect(writes.length).toBeGreaterThanOrEqual(2);
  });

  it("is the custodian's privacy officer's on the patient's request, and nobody else's", async () => {
    const { exportId } = await exportOf(t.officerA!, "the custodian's privacy officer");
    expect((await call(audit.url, 'GET', `/exports/${exportId}`, t.patient!)).status).toBe(404);
    expect((await call(audit.url, 'GET', `/exports/${exportId}`, t.otherPatient!)).status).toBe(404);
    expect((await call(audit.url, 'POST', `/patients/${patientId}/exports`, t.otherPatient!)).status).toBe(403);
    expect((await call(audit.url, 'POST', `/patients/${patientId}/exports`, t.officerB!)).status).toBe(403);
    expect((await call(audit.url, 'POST', `/patients/${patientId}/exports`, t.doctor!)).status).toBe(403);
  });

  it("shows in the patient's trail: audit's service identity read their demographics and records, for PATRQT", async () => {
    await exportOf(t.patient!, 'the patient');
    const reads = await eventually(
      "the export's reads in the trail",
      async () => {
        const r = await call<{ events: { type: string; actor: string | null; details?: Record<string, unknown> }[] }>(
          audit.url,
          'GET',
          `/audit/events?patient=${patientId}&limit=1000`,
          t.patient!,
        );
        const byService = r.body.events.filter((e) => e.actor === SERVICE_SUBJECT);
        const types = new Set(byService.map((e) => e.type));
        return types.has('carechain.identity.demographics.read.v1') && types.has('carechain.records.access.decided.v1') ? byService : undefined;
      },
      30_000,
      250,
    );
    expect(new Set(reads.map((e) => e.details?.['purpose']))).toEqual(new Set(['PATRQT']));
  });

  it("records each delivery in the patient's trail as its own event, with who asked and what it held", async () => {
    const { exportId } = await exportOf(t.officerA!, "the custodian's privacy officer");
    const delivered = await eventually(
      'the export event in the trail',
      async () => {
        const r = await call<{ events: { type: string; actor: string | null; actorOrganisation: string | null; details?: Record<string, unknown> }[] }>(
          audit.url,
          'GET',
          `/audit/events?patient=${patientId}&limit=1000`,
          t.patient!,
        );
        return r.body.events.find((e) => e.type === 'carechain.audit.patient.exported.v1' && e.details?.['exportId'] === exportId);
      },
      30_000,
      250,
    );
    expect(delivered).toMatchObject({ actor: 'dpo-a', actorOrganisation: 'hospital-a' });
    expect(delivered.details?.['resources']).toEqual(expect.arrayContaining(['Patient:1', 'Condition:2', 'Consent:1']));
  });

  it('refuses the export of an erased patient (410)', async () => {
    const erased = await call(identity.url, 'DELETE', `/patients/${otherPatientId}`, t.officerA!, {
      reason: 'data-subject-request',
      caseReference: 'DSR-EXPORT-1',
    });
    expect(erased.status).toBe(200);
    const refused = await eventually('audit to learn of the erasure', async () => {
      const r = await call<{ type: string }>(audit.url, 'POST', `/patients/${otherPatientId}/exports`, t.otherPatient!);
      return r.status === 410 ? r : undefined;
    });
    expect(refused.body.type).toBe('https://carechain.dev/problems/audit/patient-erased');
  });
});
