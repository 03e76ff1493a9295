import { randomUUID } from 'node:crypto';
import { ACCESS_DECIDED_V1, Topics, type AccessDecidedV1 } from '@carechain/contracts';
import { DenyReason } from '@carechain/consent-decision';
import { ReadRecordUseCase } from './read-record.use-case';
import { RecordsErrorCode } from './records.error';
import type { ReadRequest, Requester } from './requester';
import { WriteRecordUseCase } from './write-record.use-case';
import { CLINIC, clinicClinician, clinicPractitioner, condition, custodianClinician, RecordsWorld, failure } from './testing/records-world';

const treat = (requester: Requester, breakGlassReason?: string): ReadRequest => ({
  requester,
  purpose: 'TREAT',
  ...(breakGlassReason !== undefined && { breakGlassReason }),
});
const REASON = 'Unconscious patient in the emergency department, no consent on file';

describe('ReadRecordUseCase', () => {
  let world: RecordsWorld;
  let reads: ReadRecordUseCase;
  let patientId: string;
  let recordId: string;

  beforeEach(async () => {
    world = await RecordsWorld.create();
    reads = new ReadRecordUseCase(world.deps());
    patientId = await world.registerPatient();
    ({ recordId } = await new WriteRecordUseCase(world.deps()).create(patientId, condition(patientId), custodianClinician));
  });

  afterEach(() => world.dispose());

  const accessEvents = () =>
    world.publisher.on(Topics.recordsAccess).map((p) => {
      expect(p.key).toBe(patientId);
      expect(p.event.type).toBe(ACCESS_DECIDED_V1);
      return p.event.data as AccessDecidedV1;
    });

  it("gives a service identity bound to the patient (an export) the patient's own read, and nothing of another patient", async () => {
    const bound = (patient: string): ReadRequest => ({
      requester: { subject: 'carechain-audit', organisation: 'carechain', roles: ['service'], purposes: ['PATRQT'], patient },
      purpose: 'PATRQT',
    });
    await expect(reads.history(recordId, bound(patientId))).resolves.toMatchObject({ versions: [expect.anything()] });
    await expect(reads.latest(recordId, bound(randomUUID()))).rejects.toMatchObject({ details: { denyReason: 'not-own-records' } });
    expect(accessEvents().map((e) => [e.decision, e.basis ?? null, e.purpose, e.actor.subject])).toEqual([
      ['permit', 'patient', 'PATRQT', 'carechain-audit'],
      ['deny', null, 'PATRQT', 'carechain-audit'],
    ]);
  });

  it("gives the custodian's clinician the decrypted resource, and records the read as a permit by custodian", async () => {
    const read = await reads.latest(recordId, treat(custodianClinician));
    expect(read.resource).toEqual({ ...condition(patientId), id: recordId, meta: { versionId: '1', lastUpdated: world.at.toISOString() } });
    expect(read.stored).toMatchObject({ recordId, patientId, version: 1, category: 'conditions' });
    const [access] = accessEvents();
    expect(access).toEqual({
      accessId: expect.any(String),
      patientId,
      operation: 'read',
      actor: { subject: 'dr-house', organisation: 'hospital-a' },
      categories: ['conditions'],
      purpose: 'TREAT',
      decision: 'permit',
      basis: 'custodian',
      breakGlass: false,
      recordIds: [recordId],
    });
    expect(world.publisher.on(Topics.recordsAccess)[0].event.id).toBe(read.accessEventIds[0]);
  });

  it('denies another organisation without a grant, records the denial, then permits it once the patient grants it', async () => {
    const denied = await failure(reads.latest(recordId, treat(clinicClinician)));
    expect([denied.code, denied.details.denyReason]).toEqual([RecordsErrorCode.AccessDenied, DenyReason.NoGrant]);
    expect(accessEvents()).toEqual([
      expect.objectContaining({
        decision: 'deny',
        denyReason: 'no-grant',
        categories: ['conditions'],
        recordIds: [],
        actor: { subject: 'dr-who', organisation: CLINIC },
      }),
    ]);

    const grantId = world.grant(patientId, CLINIC, ['conditions']);
    const read = await reads.latest(recordId, treat(clinicClinician));
    expect(read.resource.id).toBe(recordId);
    expect(accessEvents()[1]).toEqual(expect.objectContaining({ decision: 'permit', basis: 'grant', grantId, recordIds: [recordId] }));
    expect(accessEvents()[1].denyReason).toBeUndefined();
  });

  it('denies again after the grant is revoked, and for a purpose the grant does not cover', async () => {
    const grantId = world.grant(patientId, CLINIC, ['conditions']);
    await expect(reads.latest(recordId, { requester: clinicClinician, purpose: 'ETREAT' })).rejects.toMatchObject({
      details: { denyReason: DenyReason.PurposeNotGranted },
    });
    world.tick();
    world.revoke(patientId, grantId);
    await expect(reads.latest(recordId, treat(clinicClinician))).rejects.toMatchObject({ details: { denyReason: DenyReason.GrantRevoked } });
    expect(accessEvents().map((a) => [a.decision, a.purpose, a.denyReason])).toEqual([
      ['deny', 'ETREAT', 'purpose-not-granted'],
      ['deny', 'TREAT', 'grant-revoked'],
    ]);
  });

  it('lets a clinician break the glass with a reason, and audits it as break-glass with the reason', async () => {
    const read = await reads.latest(recordId, treat(clinicClinician, `  ${REASON} `));
    expect(read.resource.id).toBe(recordId);
    expect(accessEvents()).toEqual([
      expect.objectContaining({ decision: 'permit', basis: 'break-glass', breakGlass: true, breakGlassReason: REASON, recordIds: [recordId] }),
    ]);
  });

  it('refuses break-glass to a practitioner, still recording the attempt and its reason', async () => {
    const denied = await failure(reads.latest(recordId, treat(clinicPractitioner, REASON)));
    expect(denied.details.denyReason).toBe(DenyReason.BreakGlassNotAllowed);
    expect(accessEvents()).toEqual([
      expect.objectContaining({ decision: 'deny', denyReason: 'break-glass-not-allowed', breakGlass: false, breakGlassReason: REASON }),
    ]);
  });

  it('answers an unknown record without recording an access (there is no patient to account to)', async () => {
    expect((await failure(reads.latest(randomUUID(), treat(custodianClinician)))).code).toBe(RecordsErrorCode.RecordNotFound);
    expect(accessEvents()).toEqual([]);
  });

  it('answers erased once the patient is erased, recording the attempt', async () => {
    world.erase(patientId);
    expect((await failure(reads.latest(recordId, treat(custodianClinician)))).code).toBe(RecordsErrorCode.PatientErased);
    expect(accessEvents()).toEqual([expect.objectContaining({ decision: 'deny', denyReason: 'patient-erased', categories: [], recordIds: [] })]);
  });

  it('gives every version of an amended record, oldest first, as one access', async () => {
    world.tick();
    await new WriteRecordUseCase(world.deps()).amend(recordId, condition(patientId, 'Type 2 diabetes, in remission'), custodianClinician);
    const { versions } = await reads.history(recordId, treat(custodianClinician));
    expect(versions.map((v) => [v.stored.version, v.resource.meta?.versionId])).toEqual([
      [1, '1'],
      [2, '2'],
    ]);
    expect(accessEvents()).toHaveLength(1);
    const latest = await reads.latest(recordId, treat(custodianClinician));
    expect(latest.stored.version).toBe(2);
  });

  it('discloses nothing unless the access was recorded: a failed publish fails the read', async () => {
    world.publisher.failure = new Error('broker away');
    await expect(reads.latest(recordId, treat(custodianClinician))).rejects.toThrow('broker away');
    await expect(reads.latest(recordId, treat(clinicClinician))).rejects.toThrow('broker away');
  });
});
