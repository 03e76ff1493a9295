// Claims end to end, on the real Kafka and Redis: a clinician records an
// encounter; the provider submits a claim for it; the payer's benefit plan decides
// it at once; the payer pays; the patient reads the ExplanationOfBenefit. A service
// needing prior authorisation is pended and decided by the payer's person. Every
// transition is on claims.claim.v1 keyed by the patient, with nothing of the
// patient or the claim in clear.
import { join } from 'node:path';
import { call } from './support/api';
import { claim as claimOf, coverage, encounter as encounterOf } from './support/claim-resources';
import { readTopic } from './support/kafka-topics';
import { testPatient } from './support/patients';
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { token } from './support/tokens';

const repoRoot = join(__dirname, '..', '..', '..');
// Today: the development plan's timely filing limit is 90 days.
const today = new Date().toISOString().slice(0, 10);
const claim = (patientId: string, coverageId: string, recordId: string, code: string, price: number) =>
  claimOf(patientId, coverageId, recordId, code, price, today);

const encounter = (patientId: string, code: string) => encounterOf(patientId, code, today);

describe('claims', () => {
  let identity: ServiceProcess;
  let records: ServiceProcess;
  let claims: ServiceProcess;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    [identity, records, claims] = await Promise.all([
      startServiceProcess('identity'),
      startServiceProcess('records'),
      startServiceProcess('claims', { CLAIMS_BENEFIT_PLANS_FILE: join(repoRoot, 'apps', 'claims', 'benefit-plans.dev.json') }),
    ]);
    t.registrar = await token({ sub: 'clerk-a', roles: ['registrar'], org: 'hospital-a' });
    t.doctor = await token({ sub: 'dr-a', roles: ['clinician'], org: 'hospital-a' });
    t.payer = await token({ sub: 'adjuster-1', roles: ['payer'], org: 'payer-c' });
  });

  afterAll(async () => {
    await Promise.all([identity, records, claims].map((s) => s?.stop()));
  });

  it('submit → adjudicated automatically → paid → the patient reads the EOB; a prior-authorisation code is pended for a person', async () => {
    const person = testPatient();
    const registered = await call<{ id: string }>(identity.url, 'POST', '/patients', t.registrar!, person.body);
    expect(registered.status).toBe(201);
    const patientId = registered.body.id;
    const patient = await token({ sub: patientId, roles: ['patient'], org: 'hospital-a' });

    const coverageAnswer = await eventually('claims to know the patient', async () => {
      const r = await call<{ coverageId: string }>(claims.url, 'POST', '/coverages', t.payer!, coverage(patientId));
      return r.status === 404 ? undefined : r;
    });
    expect(coverageAnswer.status).toBe(201);
    const { coverageId } = coverageAnswer.body;

    const write = async (code: string) => {
      const r = await eventually('records to know the patient', async () => {
        const w = await call<{ recordId: string }>(records.url, 'POST', `/patients/${patientId}/records`, t.doctor!, encounter(patientId, code));
        return w.status === 404 ? undefined : w;
      });
      expect(r.status).toBe(201);
      return r.body.recordId;
    };
    const visit = await write('99213');
    const scan = await write('70551');

    // claims learns of the encounter from records.record.v1; until then the item is undocumented (denied, not counted).
    const submitted = await eventually('the claim to be decided on a documented encounter', async () => {
      const r = await call<{ claimId: string; status: string; response: { outcome: string } }>(
        claims.url,
        'POST',
        '/claims',
        t.registrar!,
        claim(patientId, coverageId, visit, '99213', 80),
      );
      expect(r.status).toBe(201);
      return r.body.status === 'approved' ? r.body : undefined;
    });
    expect(submitted.response.outcome).toBe('complete');

    const paid = await call(claims.url, 'POST', `/claims/${submitted.claimId}/payment`, t.payer!, {
      amount: 70,
      date: today,
      remittanceReference: 'REM-E2E-1',
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid' });

    const eobs = await call<{ total: number; entry: { resource: { payment?: { amount: { value: number } } } }[] }>(
      claims.url,
      'GET',
      `/patients/${patientId}/explanation-of-benefits`,
      patient,
    );
    expect(eobs.status).toBe(200);
    expect(eobs.body.total).toBe(1);
    expect(eobs.body.entry[0]!.resource.payment?.amount.value).toBe(70);

    const pended = await eventually('the scan to be documented', async () => {
      const r = await call<{ claimId: string; status: string }>(claims.url, 'POST', '/claims', t.registrar!, claim(patientId, coverageId, scan, '70551', 380));
      return r.body.status === 'pended' ? r.body : undefined;
    });
    const queue = await call<{ entry?: { resource: { id: string } }[] }>(claims.url, 'GET', '/claims?status=pended', t.payer!);
    expect(queue.body.entry?.map((e) => e.resource.id)).toContain(pended.claimId);
    const cancelled = await call<{ currentStatus: string }>(claims.url, 'POST', `/claims/${submitted.claimId}/cancel`, t.registrar!);
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.currentStatus).toBe('paid');
    const decided = await call(claims.url, 'POST', `/claims/${pended.claimId}/adjudication`, t.payer!, { decision: 'approve' });
    expect(decided.body).toMatchObject({ status: 'approved' });

    const events = (await readTopic('claims.claim.v1')).filter((r) => r.key === patientId);
    const types = events.map((r) => JSON.parse(r.value!.toString('utf8')).type);
    expect(types).toEqual(
      expect.arrayContaining([
        'carechain.claims.claim.submitted.v1',
        'carechain.claims.claim.verified.v1',
        'carechain.claims.claim.adjudicated.v1',
        'carechain.claims.claim.paid.v1',
      ]),
    );
    const bytes = events.map((r) => r.value!.toString('utf8')).join('\n');
    for (const secret of [...person.phi, 'REM-E2E-1', '99213', '70551']) expect(bytes).not.toContain(secret);
  });
});
