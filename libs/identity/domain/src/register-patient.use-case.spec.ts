import { KEYS_ISSUED_V1, PATIENT_ERASED_V1, PATIENT_LINKED_V1, PATIENT_REGISTERED_V2, Topics } from '@carechain/contracts';
import { registerPatientSchema } from './register-patient.command';
import { identityFixture } from './testing/identity-fixture';
import { PatientKeyIssuer } from './patient-key.issuer';

const grace = registerPatientSchema.parse({
  demographics: {
    name: { given: ['Margaret'], family: 'Hopkirk' },
    birthDate: '1956-04-09',
    gender: 'female',
    telecom: [{ system: 'phone', value: '+44 20 7946 0018' }],
    address: [{ line: ['1 Elm Row'], city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' }],
  },
  identifiers: [{ system: 'urn:carechain:mrn:hospital-a', value: 'MRN-7' }],
});
const clerk = { subject: 'clerk-1', organisation: 'hospital-a' };
const steward = { subject: 'steward', organisation: 'hospital-a', roles: ['data-steward'] };
const dpo = { subject: 'dpo', organisation: 'hospital-a', roles: ['privacy-officer'] };

describe('registering a person through the master patient index', () => {
  it('creates a patient: keys first, then PatientRegistered v2 with the details sealed', async () => {
    const f = await identityFixture();
    const result = await f.register.execute(grace, clerk);
    expect(result.outcome).toBe('registered');
    const [keys, registered] = f.publisher.published;
    expect(keys).toMatchObject({ topic: Topics.identityKeys, event: { type: KEYS_ISSUED_V1, actor: 'clerk-1', actororg: 'hospital-a' } });
    expect(registered).toMatchObject({ topic: Topics.identityPatient, event: { type: PATIENT_REGISTERED_V2, actororg: 'hospital-a' } });
    const wire = JSON.stringify(f.publisher.published);
    for (const phi of ['Hopkirk', 'Margaret', '1956-04-09', 'MRN-7', '7946']) expect(wire).not.toContain(phi);
  });

  it('returns the same id when the same person registers again, elsewhere, with a nickname and a typo', async () => {
    const f = await identityFixture();
    const first = await f.register.execute(grace, clerk);
    const again = await f.register.execute(grace, { subject: 'clerk-2', organisation: 'clinic-b' });
    expect(again).toMatchObject({ outcome: 'linked', patientId: (first as { patientId: string }).patientId });
    const noisy = registerPatientSchema.parse({
      ...grace,
      demographics: { ...grace.demographics, name: { given: ['Peggy'], family: 'Hopkirk' }, birthDate: '1956-09-04' },
      identifiers: [{ system: 'urn:carechain:mrn:clinic-b', value: 'B-99' }],
    });
    expect(await f.register.execute(noisy, clerk)).toMatchObject({ outcome: 'linked', patientId: (first as { patientId: string }).patientId });
    expect(f.publisher.ofType(PATIENT_LINKED_V1)).toHaveLength(2);
  });

  it('keeps different people apart', async () => {
    const f = await identityFixture();
    await f.register.execute(grace, clerk);
    const other = registerPatientSchema.parse({
      demographics: { name: { given: ['Tobias'], family: 'Wrenfield' }, birthDate: '1990-12-30', gender: 'male' },
      identifiers: [{ system: 'urn:carechain:mrn:hospital-a', value: 'MRN-8' }],
    });
    expect((await f.register.execute(other, clerk)).outcome).toBe('registered');
  });

  it('merges and unmerges, and refuses a merge into itself', async () => {
    const f = await identityFixture();
    const a = (await f.register.execute(grace, clerk)) as { patientId: string };
    const b = (await f.register.execute(
      registerPatientSchema.parse({
        demographics: { name: { given: ['Ana'], family: 'Quill' }, birthDate: '1971-02-03', gender: 'female' },
        identifiers: [{ system: 'urn:x', value: '1' }],
      }),
      clerk,
    )) as { patientId: string };
    await expect(f.merges.merge(a.patientId, b.patientId, { ...clerk, roles: ['registrar'] })).rejects.toThrow(/data steward/);
    await f.merges.merge(a.patientId, b.patientId, steward);
    expect(f.state.resolve(b.patientId)?.patientId).toBe(a.patientId);
    await expect(f.merges.merge(a.patientId, a.patientId, steward)).rejects.toThrow(/itself/);
    await f.merges.unmerge(a.patientId, b.patientId, steward);
    expect(f.state.resolve(b.patientId)?.patientId).toBe(b.patientId);
  });

  it('erases by crypto-shredding: PatientErased, a tombstone per key, nothing left to match or decrypt', async () => {
    const f = await identityFixture();
    const a = (await f.register.execute(grace, clerk)) as { patientId: string };
    await f.erase.execute(a.patientId, 'data-subject-request', 'DSR-2026-1', dpo);
    expect(f.publisher.published.at(-1)).toMatchObject({ topic: Topics.identityPatient, event: { type: PATIENT_ERASED_V1 } });
    expect(f.publisher.tombstones).toEqual([{ topic: Topics.identityKeys, key: a.patientId }]);
    expect(f.keys.current(a.patientId)).toBeUndefined();
    expect(f.state.isErased(a.patientId)).toBe(true);
    expect((await f.register.execute(grace, clerk)).outcome).toBe('registered');
  });
});

describe('shredding', () => {
  it('publishes the tombstone again once the compaction lag has passed, so a quiet partition still rolls', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const f = await identityFixture();
      const issuer = new PatientKeyIssuer(f.kms, f.keys, f.publisher, { compactionLagMs: 3_000 });
      await issuer.shred('6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f');
      expect(f.publisher.tombstones).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(4_100);
      expect(f.publisher.tombstones).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
