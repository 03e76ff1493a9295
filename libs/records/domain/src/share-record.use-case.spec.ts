import { randomUUID } from 'node:crypto';
import { RECORD_SHARED_V1, Topics, type RecordSharedV1 } from '@carechain/contracts';
import { DenyReason } from '@carechain/consent-decision';
import { RecordsErrorCode } from './records.error';
import { ShareRecordUseCase } from './share-record.use-case';
import { WriteRecordUseCase } from './write-record.use-case';
import { CLINIC, clinicClinician, condition, CUSTODIAN, custodianClinician, PAYER, RecordsWorld } from './testing/records-world';

describe('ShareRecordUseCase', () => {
  let world: RecordsWorld;
  let shares: ShareRecordUseCase;
  let patientId: string;
  let recordId: string;

  beforeEach(async () => {
    world = await RecordsWorld.create();
    shares = new ShareRecordUseCase(world.deps());
    patientId = await world.registerPatient();
    ({ recordId } = await new WriteRecordUseCase(world.deps()).create(patientId, condition(patientId), custodianClinician));
  });

  afterEach(() => world.dispose());

  const sharedEvents = () => world.publisher.on(Topics.recordsRecord).filter((p) => p.event.type === RECORD_SHARED_V1);

  it('publishes RecordShared, naming the grant that lets the receiving organisation read the record', async () => {
    const grantId = world.grant(patientId, CLINIC, ['conditions']);
    const shared = await shares.execute(recordId, { organisation: CLINIC, purpose: 'TREAT' }, custodianClinician);
    expect(shared).toEqual({ shareId: expect.any(String), recordId, eventId: expect.any(String), grantId });
    const [published] = sharedEvents();
    expect(published.key).toBe(patientId);
    expect(published.event).toMatchObject({ id: shared.eventId, subject: patientId, actor: 'dr-house', actororg: CUSTODIAN });
    expect(published.event.data as RecordSharedV1).toEqual({
      shareId: shared.shareId,
      recordId,
      patientId,
      category: 'conditions',
      sharedBy: { subject: 'dr-house', organisation: CUSTODIAN },
      sharedWith: CLINIC,
      purpose: 'TREAT',
      grantId,
    });
  });

  it('refuses to share with an organisation consent does not permit, saying why', async () => {
    await expect(shares.execute(recordId, { organisation: PAYER, purpose: 'HPAYMT' }, custodianClinician)).rejects.toMatchObject({
      code: RecordsErrorCode.ShareNotPermitted,
      details: { denyReason: DenyReason.NoGrant },
    });
    world.grant(patientId, PAYER, ['billing'], ['HPAYMT']);
    await expect(shares.execute(recordId, { organisation: PAYER, purpose: 'HPAYMT' }, custodianClinician)).rejects.toMatchObject({
      details: { denyReason: DenyReason.CategoryNotGranted },
    });
    // A grant to one practitioner of the organisation is not a grant to the organisation.
    world.grant(patientId, CLINIC, ['conditions'], ['TREAT'], 'dr-who');
    await expect(shares.execute(recordId, { organisation: CLINIC, purpose: 'TREAT' }, custodianClinician)).rejects.toMatchObject({
      details: { denyReason: DenyReason.PractitionerMismatch },
    });
    expect(sharedEvents()).toEqual([]);
  });

  it('lets only a caller who may read the record share it', async () => {
    await expect(shares.execute(recordId, { organisation: CUSTODIAN, purpose: 'TREAT' }, clinicClinician)).rejects.toMatchObject({
      code: RecordsErrorCode.AccessDenied,
      details: { denyReason: DenyReason.NoGrant },
    });
    world.grant(patientId, CLINIC, ['conditions']);
    // Back to the custodian, who reads for treatment without a grant.
    await expect(shares.execute(recordId, { organisation: CUSTODIAN, purpose: 'TREAT' }, clinicClinician)).resolves.not.toHaveProperty('grantId');
  });

  it('answers unknown records and erased patients', async () => {
    await expect(shares.execute(randomUUID(), { organisation: CLINIC, purpose: 'TREAT' }, custodianClinician)).rejects.toMatchObject({
      code: RecordsErrorCode.RecordNotFound,
    });
    world.erase(patientId);
    await expect(shares.execute(recordId, { organisation: CLINIC, purpose: 'TREAT' }, custodianClinician)).rejects.toMatchObject({
      code: RecordsErrorCode.PatientErased,
    });
  });
});
