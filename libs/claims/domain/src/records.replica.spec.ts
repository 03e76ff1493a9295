import { ClaimsWorld, CLINIC } from './testing/claims-world';

describe('RecordsReplica', () => {
  let world: ClaimsWorld;
  let patientId: string;

  beforeEach(async () => {
    world = await ClaimsWorld.create();
    patientId = await world.registerPatient();
  });
  afterEach(() => world.dispose());

  it('finds what a claim item needs of an Encounter, an Observation and a ChargeItem: patient, author, codes, day', async () => {
    const encounter = world.recordEncounter(patientId, { code: '99214', date: '2026-03-04', author: CLINIC });
    const observation = world.record(
      patientId,
      { resourceType: 'Observation', status: 'final', code: { coding: [{ code: '83036' }] }, effectiveDateTime: '2026-03-05T08:00:00Z' },
      undefined,
      'observations',
    );
    const charge = world.record(
      patientId,
      { resourceType: 'ChargeItem', status: 'billable', code: { coding: [{ code: '36415' }] }, occurrencePeriod: { start: '2026-03-06' } },
      undefined,
      'billing',
    );
    expect(await world.records.find(encounter)).toEqual({
      recordId: encounter,
      eventId: world.recordEvents.get(encounter),
      patientId,
      author: CLINIC,
      resourceType: 'Encounter',
      codes: ['99214'],
      date: '2026-03-04',
    });
    expect(await world.records.find(observation)).toMatchObject({ codes: ['83036'], date: '2026-03-05' });
    expect(await world.records.find(charge)).toMatchObject({ codes: ['36415'], date: '2026-03-06' });
  });

  it('knows nothing of a record never written, or of an erased patient', async () => {
    const recordId = world.recordEncounter(patientId);
    expect(await world.records.find('5d3b9a6e-1c2f-4e8a-9b7d-2a1c3e4f5a6b')).toBeUndefined();
    world.erase(patientId);
    expect(await world.records.find(recordId)).toBeUndefined();
  });
});
