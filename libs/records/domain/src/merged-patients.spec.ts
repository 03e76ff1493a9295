// After a merge, the survivor's custodian and grants govern the merged patient's
// records, and a search of either id covers the whole merged group.
import { ReadRecordUseCase } from './read-record.use-case';
import type { ReadRequest, Requester } from './requester';
import { DEFAULT_PAGE_SIZE, SearchRecordsUseCase } from './search-records.use-case';
import { WriteRecordUseCase } from './write-record.use-case';
import { allergy, CLINIC, clinicClinician, condition, custodianClinician, RecordsWorld } from './testing/records-world';

const treat = (requester: Requester): ReadRequest => ({ requester, purpose: 'TREAT' });

describe('records of merged patients', () => {
  let world: RecordsWorld;

  beforeEach(async () => {
    world = await RecordsWorld.create();
  });
  afterEach(() => world.dispose());

  /** Two registrations of one person, at different custodians, each with a record: a condition and an allergy. */
  async function twoRegistrationsWithRecords() {
    const survivor = await world.registerPatient();
    const merged = await world.registerPatient('hospital-z');
    const writes = new WriteRecordUseCase(world.deps());
    const onSurvivor = await writes.create(survivor, condition(survivor), custodianClinician);
    world.tick();
    const onMerged = await writes.create(merged, allergy(merged), { subject: 'dr-z', organisation: 'hospital-z', roles: ['clinician'] });
    world.tick();
    return { survivor, merged, onSurvivor, onMerged };
  }

  it("reads and searches the merged patient's records under the survivor's grants", async () => {
    const { survivor, merged, onSurvivor, onMerged } = await twoRegistrationsWithRecords();
    world.merge(survivor, merged);
    world.grant(survivor, CLINIC, ['conditions', 'allergies']);

    const read = new ReadRecordUseCase(world.deps());
    await expect(read.latest(onMerged.recordId, treat(clinicClinician))).resolves.toMatchObject({ resource: { resourceType: 'AllergyIntolerance' } });
    // The merged patient's old custodian no longer governs: the survivor's does.
    await expect(read.latest(onMerged.recordId, treat(custodianClinician))).resolves.toBeDefined();

    const search = new SearchRecordsUseCase(world.deps());
    for (const id of [survivor, merged]) {
      const result = await search.execute(id, { categories: [], offset: 0, count: DEFAULT_PAGE_SIZE }, treat(clinicClinician));
      expect(result.entries.map((e) => e.stored.recordId)).toEqual([onMerged.recordId, onSurvivor.recordId]);
      expect(result.total).toBe(2);
    }
    const page = await search.execute(survivor, { categories: [], offset: 1, count: 1 }, treat(custodianClinician));
    expect(page.entries.map((e) => e.stored.recordId)).toEqual([onSurvivor.recordId]);
  });

  it('lets the patient read the whole merged group with a token carrying either id', async () => {
    const { survivor, merged, onSurvivor, onMerged } = await twoRegistrationsWithRecords();
    const asPatient = (subject: string): ReadRequest => ({ requester: { subject, organisation: 'hospital-z', roles: ['patient'] }, purpose: 'PATRQT' });
    const read = new ReadRecordUseCase(world.deps());
    await expect(read.latest(onSurvivor.recordId, asPatient(merged))).rejects.toMatchObject({ details: { denyReason: 'not-own-records' } });

    world.merge(survivor, merged);
    const search = new SearchRecordsUseCase(world.deps());
    for (const subject of [survivor, merged]) {
      await expect(read.latest(onSurvivor.recordId, asPatient(subject))).resolves.toBeDefined();
      await expect(read.latest(onMerged.recordId, asPatient(subject))).resolves.toBeDefined();
      const result = await search.execute(merged, { categories: [], offset: 0, count: DEFAULT_PAGE_SIZE }, asPatient(subject));
      expect(result.total).toBe(2);
    }
  });

  it('counts the grants a merged patient gave before the merge for the whole group, until unmerged', async () => {
    const { survivor, merged, onSurvivor } = await twoRegistrationsWithRecords();
    world.grant(merged, CLINIC, ['conditions']);
    const read = new ReadRecordUseCase(world.deps());
    await expect(read.latest(onSurvivor.recordId, treat(clinicClinician))).rejects.toMatchObject({ details: { denyReason: 'no-grant' } });
    world.merge(survivor, merged);
    await expect(read.latest(onSurvivor.recordId, treat(clinicClinician))).resolves.toMatchObject({ resource: { resourceType: 'Condition' } });
    world.unmerge(survivor, merged);
    await expect(read.latest(onSurvivor.recordId, treat(clinicClinician))).rejects.toMatchObject({ details: { denyReason: 'no-grant' } });
  });
});
