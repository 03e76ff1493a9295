import { randomUUID } from 'node:crypto';
import { RECORD_CATEGORIES, Topics, type AccessDecidedV1 } from '@carechain/contracts';
import { DenyReason } from '@carechain/consent-decision';
import { RecordsError, RecordsErrorCode } from './records.error';
import type { ReadRequest, Requester } from './requester';
import { DEFAULT_PAGE_SIZE, SearchRecordsUseCase, type SearchQuery } from './search-records.use-case';
import { WriteRecordUseCase } from './write-record.use-case';
import {
  allergy,
  chargeItem,
  CLINIC,
  clinicClinician,
  condition,
  custodianClinician,
  PAYER,
  payerClerk,
  PHI_MARKERS,
  RecordsWorld,
} from './testing/records-world';

const treat = (requester: Requester): ReadRequest => ({ requester, purpose: 'TREAT' });
const all: SearchQuery = { categories: [], offset: 0, count: DEFAULT_PAGE_SIZE };

describe('SearchRecordsUseCase', () => {
  let world: RecordsWorld;
  let search: SearchRecordsUseCase;
  let patientId: string;
  let ids: { condition: string; allergy: string; charge: string };

  beforeEach(async () => {
    world = await RecordsWorld.create();
    search = new SearchRecordsUseCase(world.deps());
    patientId = await world.registerPatient();
    const writes = new WriteRecordUseCase(world.deps());
    const c = await writes.create(patientId, condition(patientId), custodianClinician);
    world.tick();
    const a = await writes.create(patientId, allergy(patientId), custodianClinician);
    world.tick();
    const b = await writes.create(patientId, chargeItem(patientId), custodianClinician);
    world.tick();
    ids = { condition: c.recordId, allergy: a.recordId, charge: b.recordId };
  });

  afterEach(() => world.dispose());

  const accessEvents = () => world.publisher.on(Topics.recordsAccess).map((p) => p.event.data as AccessDecidedV1);

  it('gives the custodian every record, newest first, decrypted, as one permit over every category', async () => {
    const result = await search.execute(patientId, all, treat(custodianClinician));
    expect(result.entries.map((e) => e.stored.recordId)).toEqual([ids.charge, ids.allergy, ids.condition]);
    expect(result.entries.map((e) => e.resource.resourceType)).toEqual(['ChargeItem', 'AllergyIntolerance', 'Condition']);
    expect(result).toMatchObject({ total: 3, permitted: RECORD_CATEGORIES, withheld: [] });
    expect(accessEvents()).toEqual([
      expect.objectContaining({
        operation: 'search',
        decision: 'permit',
        basis: 'custodian',
        categories: RECORD_CATEGORIES,
        recordIds: [ids.charge, ids.allergy, ids.condition],
      }),
    ]);
  });

  it('gives another organisation exactly the categories granted to it, and records what it saw and what was withheld', async () => {
    const grantId = world.grant(patientId, CLINIC, ['conditions', 'medications']);
    const result = await search.execute(patientId, all, treat(clinicClinician));
    expect(result.entries.map((e) => e.stored.recordId)).toEqual([ids.condition]);
    expect(result.permitted).toEqual(['conditions', 'medications']);
    expect(result.withheld).toEqual(RECORD_CATEGORIES.filter((c) => c !== 'conditions' && c !== 'medications'));
    expect(result.withheldReason).toBe(DenyReason.CategoryNotGranted);
    const [permit, deny] = accessEvents();
    expect(permit).toMatchObject({ decision: 'permit', basis: 'grant', grantId, categories: ['conditions', 'medications'], recordIds: [ids.condition] });
    expect(deny).toMatchObject({ decision: 'deny', denyReason: 'category-not-granted', categories: result.withheld, recordIds: [] });
    for (const marker of PHI_MARKERS) expect(JSON.stringify(world.publisher.published)).not.toContain(marker);
  });

  it('searches only the categories asked for', async () => {
    world.grant(patientId, PAYER, ['billing'], ['HPAYMT']);
    const result = await search.execute(patientId, { ...all, categories: ['billing'] }, { requester: payerClerk, purpose: 'HPAYMT' });
    expect(result.entries.map((e) => e.resource.resourceType)).toEqual(['ChargeItem']);
    expect(result.withheld).toEqual([]);
    expect(accessEvents()).toEqual([expect.objectContaining({ decision: 'permit', categories: ['billing'], purpose: 'HPAYMT', recordIds: [ids.charge] })]);
  });

  it('refuses a search that permits nothing, and records the refusal', async () => {
    const outcome = await search.execute(patientId, all, treat(clinicClinician)).catch((err: unknown) => err);
    expect(outcome).toBeInstanceOf(RecordsError);
    expect((outcome as RecordsError).details.denyReason).toBe(DenyReason.NoGrant);
    expect(accessEvents()).toEqual([expect.objectContaining({ decision: 'deny', denyReason: 'no-grant', categories: RECORD_CATEGORIES, recordIds: [] })]);
  });

  it('pages through the matches, newest first, and counts them all', async () => {
    const first = await search.execute(patientId, { categories: [], offset: 0, count: 2 }, treat(custodianClinician));
    const second = await search.execute(patientId, { categories: [], offset: 2, count: 2 }, treat(custodianClinician));
    expect([first.total, second.total]).toEqual([3, 3]);
    expect([...first.entries, ...second.entries].map((e) => e.stored.recordId)).toEqual([ids.charge, ids.allergy, ids.condition]);
    expect(accessEvents().map((a) => a.recordIds)).toEqual([[ids.charge, ids.allergy], [ids.condition]]);
    await expect(search.execute(patientId, { categories: [], offset: 0, count: 0 }, treat(custodianClinician))).rejects.toThrow(RangeError);
  });

  it('answers unknown patients without an access event, erased ones with one', async () => {
    await expect(search.execute(randomUUID(), all, treat(custodianClinician))).rejects.toMatchObject({ code: RecordsErrorCode.PatientNotFound });
    expect(accessEvents()).toEqual([]);
    world.erase(patientId);
    await expect(search.execute(patientId, all, treat(custodianClinician))).rejects.toMatchObject({ code: RecordsErrorCode.PatientErased });
    expect(accessEvents()).toEqual([expect.objectContaining({ decision: 'deny', denyReason: 'patient-erased', recordIds: [] })]);
  });
});
