// Issue 7's eight findings, each reproduced against the running services: every one
// of these passed the wrong way before the authorisation model.
import { call } from '../support/api';
import { eventually } from '../support/service-process';
import { as, CUSTODIAN, ed25519Jwk, OTHER_ORG, patientToken, registerPatient, startAuthWorld, writeRecord, type AuthWorld } from './authorisation-world';

describe('authorisation: the findings of the review stay fixed', () => {
  let w: AuthWorld;
  let patientA: string;
  let recordA: string;
  let patientB: string;

  beforeAll(async () => {
    w = await startAuthWorld();
    patientA = await registerPatient(w, CUSTODIAN);
    patientB = await registerPatient(w, OTHER_ORG);
    recordA = await writeRecord(w, patientA);
  });

  afterAll(async () => w?.stop());

  const readRecord = async (role: string, org: string) => (await call(w.records.url, 'GET', `/records/${recordA}`, await as(role, org))).status;

  it('1. a steward of another organisation cannot take custody by merging: the merge waits for the custodian', async () => {
    const merge = await call<{ status: string; awaiting: string }>(w.identity.url, 'POST', '/mpi/merges', await as('data-steward', OTHER_ORG), {
      survivorId: patientB,
      mergedId: patientA,
    });
    expect(merge.status).toBe(202);
    expect(merge.body).toMatchObject({ status: 'pending', awaiting: CUSTODIAN });
    expect(await readRecord('clinician', OTHER_ORG)).toBe(403);
    expect(await readRecord('clinician', CUSTODIAN)).toBe(200);
    const outsider = await call(w.identity.url, 'POST', '/mpi/merges', await as('data-steward', 'clinic-x'), { survivorId: patientB, mergedId: patientA });
    expect(outsider.status).toBe(403);
    const listed = await call<{ mergeRequests: { status: string }[] }>(w.identity.url, 'GET', '/mpi/merge-requests', await as('data-steward', CUSTODIAN));
    expect(listed.body.mergeRequests.map((r) => r.status)).toContain('pending');
    const rejected = await call(
      w.identity.url,
      'POST',
      `/mpi/merge-requests/${(merge.body as unknown as { mergeRequestId: string }).mergeRequestId}/reject`,
      await as('data-steward', CUSTODIAN),
    );
    expect(rejected.status).toBe(200);
  });

  it('2. a privacy officer of another organisation cannot erase the patient', async () => {
    const erase = await call(w.identity.url, 'DELETE', `/patients/${patientA}`, await as('privacy-officer', OTHER_ORG), {
      reason: 'data-subject-request',
      caseReference: 'DSR-X',
    });
    expect(erase.status).toBe(403);
    expect(await readRecord('clinician', CUSTODIAN)).toBe(200);
  });

  it('3. roles carry purposes: a payer, auditor or service of the custodian reads no clinical record for treatment', async () => {
    expect(await readRecord('payer', CUSTODIAN)).toBe(403);
    const history = await call(w.records.url, 'GET', `/records/${recordA}/_history`, await as('payer', CUSTODIAN));
    expect(history.status).toBe(403);
    const search = await call(w.records.url, 'GET', `/patients/${patientA}/records`, await as('payer', CUSTODIAN));
    expect(search.status).toBe(403);
    for (const role of ['payer', 'auditor', 'service', 'privacy-officer', 'data-steward']) {
      const decision = await call<{ decision: string; reason: string }>(w.consent.url, 'POST', '/decisions', await as(role, CUSTODIAN), {
        patientId: patientA,
        categories: ['conditions'],
        purpose: 'TREAT',
      });
      expect([role, decision.status, decision.body.decision, decision.body.reason]).toEqual([role, 200, 'deny', 'purpose-not-for-role']);
    }
    const clinician = await call<{ decision: string }>(w.consent.url, 'POST', '/decisions', await as('clinician', CUSTODIAN), {
      patientId: patientA,
      categories: ['conditions'],
      purpose: 'TREAT',
    });
    expect(clinician.body.decision).toBe('permit');
  });

  it('4. demographics are not open to other organisations', async () => {
    for (const role of ['registrar', 'clinician', 'admin', 'data-steward']) {
      const r = await call(w.identity.url, 'GET', `/patients/${patientA}`, await as(role, OTHER_ORG));
      expect([role, r.status]).toEqual([role, 403]);
      expect(JSON.stringify(r.body)).not.toContain('birthDate');
    }
  });

  it('5. staff cannot register a signing key on the patient’s DID; the patient can', async () => {
    for (const role of ['registrar', 'admin']) {
      const r = await call(w.identity.url, 'POST', `/patients/${patientA}/signing-keys`, await as(role, CUSTODIAN), { jwk: ed25519Jwk() });
      expect([role, r.status]).toEqual([role, 403]);
    }
    const own = await call(w.identity.url, 'POST', `/patients/${patientA}/signing-keys`, await patientToken(patientA), { jwk: ed25519Jwk() });
    expect(own.status).toBe(201);
  });

  it('6. another organisation cannot rotate the patient’s keys', async () => {
    for (const role of ['admin', 'privacy-officer']) {
      const r = await call(w.identity.url, 'POST', `/patients/${patientA}/keys/rotate`, await as(role, OTHER_ORG));
      expect([role, r.status]).toEqual([role, 403]);
    }
  });

  it('7. another organisation’s oversight sees neither the trail of the custodian’s patient nor their consents', async () => {
    // The custodian's auditor sees the registration and the record; clinic-b's sees only what clinic-b did.
    await eventually('the registration and the record to reach audit', async () => {
      const r = await call<{ events: unknown[] }>(w.audit.url, 'GET', `/audit/events?patient=${patientA}`, await as('auditor', CUSTODIAN));
      return r.body.events?.length >= 2 ? r : undefined;
    });
    for (const role of ['auditor', 'privacy-officer']) {
      const r = await call<{ events: { actorOrganisation: string }[] }>(w.audit.url, 'GET', `/audit/events?patient=${patientA}`, await as(role, OTHER_ORG));
      expect(r.status).toBe(200);
      expect(r.body.events.filter((e) => e.actorOrganisation !== OTHER_ORG)).toEqual([]);
    }
    expect((await call(w.audit.url, 'GET', `/audit/events?patient=${patientA}`, await as('admin', OTHER_ORG))).status).toBe(403);
    for (const role of ['auditor', 'privacy-officer', 'admin']) {
      const r = await call(w.consent.url, 'GET', `/patients/${patientA}/consents`, await as(role, OTHER_ORG));
      expect([role, r.status]).toEqual([role, 403]);
    }
  });

  it('8. a patient reads their own demographics; an unknown read model is refused to a patient as 403, not 400', async () => {
    const own = await call<{ id: string }>(w.identity.url, 'GET', `/patients/${patientA}`, await patientToken(patientA));
    expect([own.status, own.body.id]).toEqual([200, patientA]);
    for (const service of [w.identity, w.consent, w.records, w.audit]) {
      const r = await call(service.url, 'POST', '/admin/read-models/no-such-model/rebuild', await patientToken(patientA));
      expect([service.name, r.status]).toEqual([service.name, 403]);
    }
  });
});
