import { randomUUID } from 'node:crypto';
import { RECORD_WRITTEN_V1, Topics, type RecordWrittenV1 } from '@carechain/contracts';
import { openJson, type KeyManagementService } from '@carechain/crypto';
import { PatientKeyTable } from '@carechain/patient-keys';
import { DenyReason } from '@carechain/consent-decision';
import { recordContext } from './record-vault';
import { RecordsErrorCode } from './records.error';
import { WriteRecordUseCase } from './write-record.use-case';
import { allergy, CLINIC, clinicClinician, condition, custodianClinician, PHI_MARKERS, RecordsWorld, failure } from './testing/records-world';

describe('WriteRecordUseCase', () => {
  let world: RecordsWorld;
  let writes: WriteRecordUseCase;
  let patientId: string;

  beforeEach(async () => {
    world = await RecordsWorld.create();
    writes = new WriteRecordUseCase(world.deps());
    patientId = await world.registerPatient();
  });

  afterEach(() => world.dispose());

  const writtenEvents = () => world.publisher.on(Topics.recordsRecord).filter((p) => p.event.type === RECORD_WRITTEN_V1);

  it("files a record of the custodian's clinician as version 1: RecordWritten keyed and subjected by the patient, the resource sealed with the server's id and meta", async () => {
    const result = await writes.create(patientId, condition(patientId), custodianClinician);
    expect(result).toEqual({ recordId: expect.any(String), patientId, version: 1, eventId: expect.any(String), lastUpdated: world.at.toISOString() });
    const [published] = writtenEvents();
    expect(published.key).toBe(patientId);
    expect(published.event).toMatchObject({ id: result.eventId, subject: patientId, actor: 'dr-house', actororg: 'hospital-a' });
    const data = published.event.data as RecordWrittenV1;
    expect(data).toMatchObject({
      recordId: result.recordId,
      patientId,
      version: 1,
      category: 'conditions',
      resourceType: 'Condition',
      author: { subject: 'dr-house', organisation: 'hospital-a' },
    });
    const opened = openJson(world.keys.current(patientId)!, data.resource, recordContext(patientId, result.recordId, 1));
    expect(opened).toEqual({ ...condition(patientId), id: result.recordId, meta: { versionId: '1', lastUpdated: world.at.toISOString() } });
    // Sealed: the event carries no clinical text.
    for (const marker of PHI_MARKERS) expect(JSON.stringify(published.event)).not.toContain(marker);
  });

  it('refuses an invalid resource with its FHIR issues, before anything else', async () => {
    const err = await failure(writes.create(randomUUID(), { resourceType: 'Condition', subject: { reference: 42 } }, custodianClinician));
    expect(err.code).toBe(RecordsErrorCode.InvalidResource);
    expect(err.details.issues).toEqual([expect.objectContaining({ path: expect.stringContaining('subject'), code: expect.any(String) })]);
    const unsupported = await failure(writes.create(patientId, { resourceType: 'Patient' }, custodianClinician));
    expect(unsupported.details.issues?.[0]).toMatchObject({ code: 'not-supported' });
  });

  it('refuses a resource about someone else, or about nobody', async () => {
    expect((await failure(writes.create(patientId, condition(randomUUID()), custodianClinician))).code).toBe(RecordsErrorCode.SubjectMismatch);
    const anonymous = { resourceType: 'Observation', status: 'final', code: { text: 'Body weight' } };
    expect((await failure(writes.create(patientId, anonymous, custodianClinician))).code).toBe(RecordsErrorCode.SubjectMismatch);
  });

  it('answers unknown and erased patients, and points writes for a merged patient at the survivor', async () => {
    const unknown = randomUUID();
    expect((await failure(writes.create(unknown, condition(unknown), custodianClinician))).code).toBe(RecordsErrorCode.PatientNotFound);
    const merged = await world.registerPatient();
    world.merge(patientId, merged);
    const err = await failure(writes.create(merged, condition(merged), custodianClinician));
    expect([err.code, err.details.survivorId]).toEqual([RecordsErrorCode.PatientMerged, patientId]);
    world.erase(patientId);
    expect((await failure(writes.create(patientId, condition(patientId), custodianClinician))).code).toBe(RecordsErrorCode.PatientErased);
    expect(writtenEvents()).toHaveLength(0);
  });

  it('lets another organisation write only a category the patient granted it for treatment', async () => {
    const denied = await failure(writes.create(patientId, condition(patientId), clinicClinician));
    expect([denied.code, denied.details.denyReason]).toEqual([RecordsErrorCode.AccessDenied, DenyReason.NoGrant]);
    world.grant(patientId, CLINIC, ['conditions']);
    await expect(writes.create(patientId, condition(patientId), clinicClinician)).resolves.toMatchObject({ version: 1 });
    const otherCategory = await failure(writes.create(patientId, allergy(patientId), clinicClinician));
    expect([otherCategory.code, otherCategory.details.denyReason]).toEqual([RecordsErrorCode.AccessDenied, DenyReason.CategoryNotGranted]);
    expect(writtenEvents()).toHaveLength(1);
  });

  it('amends a record into its next version, keeping the record id, and honours If-Match', async () => {
    const first = await writes.create(patientId, condition(patientId), custodianClinician);
    world.tick();
    const second = await writes.amend(first.recordId, condition(patientId, 'Type 2 diabetes, resolved'), custodianClinician, 1);
    expect(second).toMatchObject({ recordId: first.recordId, version: 2 });
    expect((await world.store.history(patientId, first.recordId)).map((v) => v.version)).toEqual([1, 2]);
    const stale = await failure(writes.amend(first.recordId, condition(patientId), custodianClinician, 1));
    expect(stale.code).toBe(RecordsErrorCode.VersionConflict);
  });

  it('serialises concurrent amendments of one record into consecutive versions', async () => {
    const first = await writes.create(patientId, condition(patientId), custodianClinician);
    const versions = await Promise.all([1, 2, 3].map(() => writes.amend(first.recordId, condition(patientId), custodianClinician)));
    expect(versions.map((v) => v.version).sort()).toEqual([2, 3, 4]);
  });

  it('refuses an amendment that changes the resource type, or of a record that does not exist', async () => {
    const first = await writes.create(patientId, condition(patientId), custodianClinician);
    expect((await failure(writes.amend(first.recordId, allergy(patientId), custodianClinician))).code).toBe(RecordsErrorCode.ResourceTypeChanged);
    expect((await failure(writes.amend(randomUUID(), condition(patientId), custodianClinician))).code).toBe(RecordsErrorCode.RecordNotFound);
  });

  it('checks consent on an amendment before comparing the resource with the record, so a stranger learns nothing of it', async () => {
    const first = await writes.create(patientId, condition(patientId), custodianClinician);
    const err = await failure(writes.amend(first.recordId, allergy(randomUUID()), clinicClinician));
    expect(err.code).toBe(RecordsErrorCode.AccessDenied);
  });

  it('answers only once Kafka acknowledged: a failed publish is a failed write', async () => {
    world.publisher.failure = new Error('broker away');
    await expect(writes.create(patientId, condition(patientId), custodianClinician)).rejects.toThrow('broker away');
  });

  it("answers keys-unavailable (retry) when the patient's keys have not reached this instance, and erased when they were shredded", async () => {
    const empty = new PatientKeyTable({} as KeyManagementService);
    const noKeys = new WriteRecordUseCase(world.deps({ keys: empty }));
    expect((await failure(noKeys.create(patientId, condition(patientId), custodianClinician))).code).toBe(RecordsErrorCode.KeysUnavailable);
    empty.shred(patientId);
    expect((await failure(noKeys.create(patientId, condition(patientId), custodianClinician))).code).toBe(RecordsErrorCode.PatientErased);
    expect(writtenEvents()).toHaveLength(0);
  });
});
