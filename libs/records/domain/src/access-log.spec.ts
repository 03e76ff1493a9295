import { randomUUID } from 'node:crypto';
import { Topics, type AccessDecidedV1 } from '@carechain/contracts';
import { decide, DenyReason, type Grant } from '@carechain/consent-decision';
import { AccessLog, outcomesOf } from './access-log';
import { FakePublisher } from './testing/fake-publisher';

const patientId = randomUUID();
const at = new Date('2026-03-01T10:00:00Z');
const clinic = { subject: 'dr-who', organisation: 'clinic-b', roles: ['clinician'] };
const grant: Grant = {
  grantId: randomUUID(),
  patientId,
  grantee: { organisation: 'clinic-b' },
  categories: ['conditions'],
  purposes: ['TREAT'],
  validFrom: '2026-01-01T00:00:00Z',
  grantedBy: { kind: 'patient', subject: patientId, signed: true },
  grantedAt: '2026-01-01T00:00:00Z',
  status: 'active',
};
const patient = { patientId, custodian: 'hospital-a', erased: false };

describe('outcomesOf', () => {
  it('makes a partial permit one permit (what was disclosed) and one deny (what was withheld)', () => {
    const decision = decide({ patientId, requester: clinic, categories: ['conditions', 'allergies'], purpose: 'TREAT', at }, patient, [grant]);
    expect(outcomesOf(decision, ['r1'])).toEqual([
      { categories: ['conditions'], decision: 'permit', basis: 'grant', grantId: grant.grantId, breakGlass: false, recordIds: ['r1'] },
      { categories: ['allergies'], decision: 'deny', denyReason: DenyReason.CategoryNotGranted, breakGlass: false, recordIds: [] },
    ]);
  });

  it('makes a full permit or a full deny one outcome, and never lists records on a deny', () => {
    const permit = decide({ patientId, requester: clinic, categories: ['conditions'], purpose: 'TREAT', at }, patient, [grant]);
    expect(outcomesOf(permit, ['r1'])).toEqual([expect.objectContaining({ decision: 'permit', recordIds: ['r1'] })]);
    const deny = decide({ patientId, requester: clinic, categories: ['allergies'], purpose: 'TREAT', at }, patient, [grant]);
    expect(outcomesOf(deny, ['r1'])).toEqual([expect.objectContaining({ decision: 'deny', recordIds: [] })]);
  });
});

describe('AccessLog', () => {
  const read = (breakGlassReason?: string) => ({ requester: clinic, purpose: 'ETREAT' as const, ...(breakGlassReason !== undefined && { breakGlassReason }) });

  it('publishes one AccessDecided per outcome on records.access.v1, keyed and subjected by the patient, actor and organisation set', async () => {
    const publisher = new FakePublisher();
    const ids = await new AccessLog(publisher).record(patientId, 'search', read(), [
      {
        categories: ['conditions'],
        decision: 'permit',
        basis: 'grant',
        grantId: grant.grantId,
        breakGlass: false,
        recordIds: ['9b1f3c55-0a55-4d55-8e55-2c55e55a5b55'],
      },
      { categories: ['allergies'], decision: 'deny', denyReason: DenyReason.CategoryNotGranted, breakGlass: false, recordIds: [] },
    ]);
    expect(publisher.published.map((p) => [p.topic, p.key, p.event.subject, p.event.actor, p.event.actororg])).toEqual([
      [Topics.recordsAccess, patientId, patientId, 'dr-who', 'clinic-b'],
      [Topics.recordsAccess, patientId, patientId, 'dr-who', 'clinic-b'],
    ]);
    expect(ids).toEqual(publisher.published.map((p) => p.event.id));
    const [a, b] = publisher.published.map((p) => p.event.data as AccessDecidedV1);
    expect(a.accessId).not.toBe(b.accessId);
    expect(b).toMatchObject({ operation: 'search', purpose: 'ETREAT', decision: 'deny', denyReason: 'category-not-granted' });
  });

  it.each([
    ['a reason of substance, trimmed', '  Cardiac arrest on arrival, no records at hand  ', 'Cardiac arrest on arrival, no records at hand'],
    ['too short a reason, left out', 'urgent', undefined],
    ['too long a reason, left out', 'x'.repeat(501), undefined],
    ['no reason', undefined, undefined],
  ])('audits a break-glass attempt with %s', async (_case, reason, expected) => {
    const publisher = new FakePublisher();
    await new AccessLog(publisher).record(patientId, 'read', read(reason), [
      { categories: ['conditions'], decision: 'deny', denyReason: DenyReason.NoGrant, breakGlass: false, recordIds: [] },
    ]);
    expect((publisher.published[0].event.data as AccessDecidedV1).breakGlassReason).toBe(expected);
  });
});
