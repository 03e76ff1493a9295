// Issue 7's findings on identity, as use-case specs: administration belongs to the
// patient's custodian, a merge across custodians needs both, only the patient
// registers a signing key, and demographics need a basis.
import { generateKeyPairSync } from 'node:crypto';
import { MERGE_REQUESTED_V1, PATIENT_MERGED_V1, Topics, type DemographicsReadV1, type Ed25519Jwk } from '@carechain/contracts';
import { IdentityErrorCode } from './identity.error';
import { ReadPatientUseCase } from './read-patient.use-case';
import { registerPatientSchema } from './register-patient.command';
import { RegisterSigningKeyUseCase } from './signing-key.use-case';
import { identityFixture } from './testing/identity-fixture';
import type { StoredPatient } from './patient-directory.port';

const BORN: Record<string, [string, string, string]> = { Adeyemi: ['Oluwaseun', '1980-03-14', 'male'], Zielinska: ['Agnieszka', '1992-11-02', 'female'] };
const person = (family: string, mrn: string, org: string) =>
  registerPatientSchema.parse({
    demographics: { name: { given: [BORN[family][0]], family }, birthDate: BORN[family][1], gender: BORN[family][2] },
    identifiers: [{ system: `urn:carechain:mrn:${org}`, value: mrn }],
  });
const staff = (organisation: string, role: string) => ({ subject: `${role}@${organisation}`, organisation, roles: [role] });

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    return (err as { code: string }).code;
  }
  return 'none';
}

async function world() {
  const f = await identityFixture();
  const a = (await f.register.execute(person('Adeyemi', 'A-1', 'hospital-a'), { subject: 'desk-a', organisation: 'hospital-a' })) as { patientId: string };
  const b = (await f.register.execute(person('Zielinska', 'B-1', 'clinic-b'), { subject: 'desk-b', organisation: 'clinic-b' })) as { patientId: string };
  expect([a.patientId, b.patientId].every((id) => typeof id === 'string')).toBe(true);
  return { f, a: a.patientId, b: b.patientId };
}

describe('administration follows responsibility', () => {
  it('lets only a privacy officer of the custodian erase a patient', async () => {
    const { f, a } = await world();
    expect(await codeOf(f.erase.execute(a, 'data-subject-request', 'DSR-1', staff('clinic-b', 'privacy-officer')))).toBe(IdentityErrorCode.Forbidden);
    expect(await codeOf(f.erase.execute(a, 'data-subject-request', 'DSR-1', staff('hospital-a', 'admin')))).toBe(IdentityErrorCode.Forbidden);
    expect(f.state.isErased(a)).toBe(false);
    await f.erase.execute(a, 'data-subject-request', 'DSR-1', staff('hospital-a', 'privacy-officer'));
    expect(f.state.isErased(a)).toBe(true);
  });

  it('merges patients of one custodian at once, and turns a merge across custodians into a request the other accepts', async () => {
    const { f, a, b } = await world();
    expect(await codeOf(f.merges.merge(a, b, staff('clinic-c', 'data-steward')))).toBe(IdentityErrorCode.Forbidden);
    const asked = await f.merges.merge(b, a, staff('clinic-b', 'data-steward'));
    expect(asked).toMatchObject({ status: 'pending', awaiting: 'hospital-a' });
    // Nothing merged, custody unchanged, until hospital-a accepts.
    expect(f.state.resolve(a)?.patientId).toBe(a);
    expect(f.publisher.ofType(PATIENT_MERGED_V1)).toHaveLength(0);
    expect(f.publisher.ofType(MERGE_REQUESTED_V1)).toHaveLength(1);
    const id = (asked as { mergeRequestId: string }).mergeRequestId;
    expect(await codeOf(f.merges.resolve(id, 'accepted', staff('clinic-b', 'data-steward')))).toBe(IdentityErrorCode.Forbidden);
    expect(await f.merges.resolve(id, 'accepted', staff('hospital-a', 'data-steward'))).toMatchObject({ status: 'merged' });
    expect(f.state.resolve(a)?.patientId).toBe(b);
    expect(await codeOf(f.merges.resolve(id, 'rejected', staff('hospital-a', 'data-steward')))).toBe(IdentityErrorCode.MergeRequestClosed);
    expect(await codeOf(f.merges.unmerge(b, a, staff('clinic-c', 'data-steward')))).toBe(IdentityErrorCode.Forbidden);
    await f.merges.unmerge(b, a, staff('hospital-a', 'data-steward'));
    expect(f.state.resolve(a)?.patientId).toBe(a);
  });

  it('leaves both patients apart when the other custodian rejects', async () => {
    const { f, a, b } = await world();
    const asked = (await f.merges.merge(a, b, staff('hospital-a', 'admin'))) as { mergeRequestId: string };
    expect(await f.merges.resolve(asked.mergeRequestId, 'rejected', staff('clinic-b', 'admin'))).toMatchObject({ status: 'rejected' });
    expect(f.state.resolve(b)?.patientId).toBe(b);
    expect(f.merges.requests(staff('clinic-b', 'admin')).map((r) => r.status)).toEqual(['rejected']);
    expect(f.merges.requests(staff('clinic-c', 'admin'))).toEqual([]);
  });
});

describe('only the patient registers a signing key', () => {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }) as Ed25519Jwk;

  it('refuses staff of the custodian, and accepts the patient’s own token', async () => {
    const { f, a } = await world();
    const keys = new RegisterSigningKeyUseCase(f.state, f.publisher);
    for (const role of ['registrar', 'admin']) expect(await codeOf(keys.execute(a, jwk, staff('hospital-a', role)))).toBe(IdentityErrorCode.Forbidden);
    expect(await codeOf(keys.execute(a, jwk, { subject: 'someone-else', organisation: 'hospital-a', roles: ['patient'] }))).toBe(IdentityErrorCode.Forbidden);
    expect(await keys.execute(a, jwk, { subject: a, organisation: 'hospital-a', roles: ['patient'] })).toMatchObject({ did: expect.stringContaining(a) });
  });
});

describe('demographics need a basis', () => {
  // The directory read model, as the projection would hold it, built from the state.
  const directoryOf = (f: Awaited<ReturnType<typeof identityFixture>>) => ({
    async get(patientId: string): Promise<StoredPatient | undefined> {
      const p = f.state.patient(patientId);
      if (!p) return undefined;
      return {
        status: 'active',
        id: patientId,
        custodian: p.custodian,
        registeredAt: '2026-01-01T00:00:00Z',
        registrations: p.registrations.map((r) => ({ ...r, at: '2026-01-01T00:00:00Z' })),
      };
    },
  });

  it('shows the patient and the custodian’s desk everything, another organisation nothing, and a linking one what it registered', async () => {
    const { f, a } = await world();
    const reads = new ReadPatientUseCase(f.state, directoryOf(f), f.publisher);
    expect((await reads.execute(a, { subject: a, organisation: 'x', roles: ['patient'] })).demographics.name.family).toBe('Adeyemi');
    expect(await reads.execute(a, staff('hospital-a', 'registrar'))).toMatchObject({ scope: 'all' });
    expect(await codeOf(reads.execute(a, staff('hospital-a', 'payer')))).toBe(IdentityErrorCode.Forbidden);
    for (const role of ['registrar', 'clinician', 'admin', 'data-steward'])
      expect(await codeOf(reads.execute(a, staff('clinic-c', role)))).toBe(IdentityErrorCode.Forbidden);
    // clinic-c registers the same person: linked, and sees its own registration only.
    const linked = await f.register.execute(person('Adeyemi', 'C-9', 'clinic-c'), { subject: 'desk-c', organisation: 'clinic-c' });
    expect(linked).toMatchObject({ outcome: 'linked', patientId: a });
    const seen = await reads.execute(a, staff('clinic-c', 'registrar'));
    expect(seen).toMatchObject({ scope: 'own-registrations', identifiers: [{ system: 'urn:carechain:mrn:clinic-c', value: 'C-9' }] });
    expect(seen.registrations.map((r) => r.organisation)).toEqual(['clinic-c']);
    // Every read, permitted or denied, was recorded on identity.access.v1 before its answer.
    const recorded = f.publisher.published.filter((p) => p.topic === Topics.identityAccess).map((p) => p.event.data as DemographicsReadV1);
    expect(recorded.map((d) => [d.actor.organisation, d.decision, d.basis ?? d.denyReason, d.scope ?? null])).toEqual([
      ['x', 'permit', 'patient', 'all'],
      ['hospital-a', 'permit', 'custodian', 'all'],
      ['hospital-a', 'deny', 'no-relationship', null],
      ...['registrar', 'clinician', 'admin', 'data-steward'].map(() => ['clinic-c', 'deny', 'no-relationship', null]),
      ['clinic-c', 'permit', 'own-registration', 'own-registrations'],
    ]);
  });
});
