import { RecordVault } from './record-vault';
import { RecordsError, RecordsErrorCode } from './records.error';
import { WriteRecordUseCase } from './write-record.use-case';
import { condition, custodianClinician, RecordsWorld } from './testing/records-world';

describe('RecordVault', () => {
  let world: RecordsWorld;
  let patientId: string;

  beforeEach(async () => {
    world = await RecordsWorld.create();
    patientId = await world.registerPatient();
  });

  afterEach(() => world.dispose());

  it('opens what it sealed only for the same patient, record and version', async () => {
    const { recordId } = await new WriteRecordUseCase(world.deps()).create(patientId, condition(patientId), custodianClinician);
    const stored = (await world.store.latest(patientId, recordId))!;
    const vault = new RecordVault(world.keys, 0);
    await expect(vault.open(stored)).resolves.toMatchObject({ id: recordId, resourceType: 'Condition' });
    // A sealed resource passed off as another version, or another record, does not open.
    await expect(vault.open({ ...stored, version: 2 })).rejects.toThrow(/authentication_failed/);
    await expect(vault.open({ ...stored, recordId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/authentication_failed/);
  });

  it('calls a shredded key an erased patient', async () => {
    const { recordId } = await new WriteRecordUseCase(world.deps()).create(patientId, condition(patientId), custodianClinician);
    const stored = (await world.store.latest(patientId, recordId))!;
    world.keys.shred(patientId);
    const err = await new RecordVault(world.keys, 0).open(stored).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordsError);
    expect((err as RecordsError).code).toBe(RecordsErrorCode.PatientErased);
  });

  it('calls a key version this instance has not seen unavailable, a transient state', async () => {
    const { recordId } = await new WriteRecordUseCase(world.deps()).create(patientId, condition(patientId), custodianClinician);
    const stored = (await world.store.latest(patientId, recordId))!;
    const err = await new RecordVault(world.keys, 0).open({ ...stored, resource: { ...stored.resource, keyVersion: 2 } }).catch((e: unknown) => e);
    expect((err as RecordsError).code).toBe(RecordsErrorCode.KeysUnavailable);
  });
});
