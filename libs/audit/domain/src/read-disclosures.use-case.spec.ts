import { AuditAccessError } from './audit-access.error';
import { ReadDisclosuresUseCase } from './read-disclosures.use-case';
import { AuditWorld, CLINIC, CUSTODIAN } from './testing/audit-world';

const GRANT = '11111111-1111-4111-8111-111111111111';
const NOW = new Date('2026-06-01T00:00:00Z');
const staff = (subject: string, organisation: string, roles: string[]) => ({ subject, organisation, roles });

describe('ReadDisclosuresUseCase', () => {
  let world: AuditWorld;
  let patientId: string;
  const useCase = (years = 6) => new ReadDisclosuresUseCase(world.store, world.oversight, { years, now: () => new Date(NOW) });

  beforeEach(() => {
    world = new AuditWorld();
    patientId = world.registerPatient(CUSTODIAN, new Date('2015-01-01T00:00:00Z'));
  });

  it('lists each disclosure outside the custodian with its recipient, what, purpose, basis and proof', async () => {
    const read = world.access({
      patientId,
      actor: 'dr-who',
      organisation: CLINIC,
      time: new Date('2026-05-01T10:00:00Z'),
      grantId: GRANT,
      categories: ['conditions', 'allergies'],
    }).id;
    world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date('2026-05-01T11:00:00Z'), decision: 'deny' });
    world.access({ patientId, actor: 'dr-house', organisation: CUSTODIAN, time: new Date('2026-05-01T12:00:00Z'), basis: 'custodian' });
    const glass = world.access({
      patientId,
      actor: 'dr-er',
      organisation: 'er-d',
      time: new Date('2026-05-02T03:00:00Z'),
      breakGlassReason: 'unconscious on arrival, allergies unknown',
    }).id;
    const share = world.share(patientId, CLINIC, new Date('2026-05-03T09:00:00Z'), GRANT).id;
    const page = await useCase().forPatient(patientId, staff(patientId, CUSTODIAN, ['patient']), { limit: 10 });
    expect(page.disclosures).toEqual([
      {
        eventId: read,
        date: '2026-05-01T10:00:00.000Z',
        kind: 'read',
        recipient: { organisation: CLINIC, practitioner: 'dr-who' },
        categories: ['conditions', 'allergies'],
        records: 1,
        purpose: 'TREAT',
        basis: { kind: 'grant', grantId: GRANT },
        proof: `/audit/events/${read}/proof`,
        anchored: null,
      },
      expect.objectContaining({
        eventId: glass,
        recipient: { organisation: 'er-d', practitioner: 'dr-er' },
        purpose: 'ETREAT',
        basis: { kind: 'break-glass', reason: 'unconscious on arrival, allergies unknown' },
      }),
      expect.objectContaining({
        eventId: share,
        kind: 'share',
        recipient: { organisation: CLINIC, practitioner: null },
        basis: { kind: 'grant', grantId: GRANT },
      }),
    ]);
  });

  it('counts a claim sent to a payer as a disclosure for payment, and the payer’s reads on its basis', async () => {
    const encounter = world.record(patientId, 'encounters', 'Encounter', new Date('2026-05-03T09:00:00Z'));
    const observation = world.record(patientId, 'observations', 'Observation', new Date('2026-05-03T09:05:00Z'));
    // A third record audit never saw written (e.g. before its trail began): counted, its kind unknown.
    const claim = world.claim(patientId, 'insurer-c', new Date('2026-05-04T09:00:00Z'), [encounter, observation, '22222222-2222-4222-8222-222222222222']);
    const claimId = (claim.data as { claimId: string }).claimId;
    const page = await useCase().forPatient(patientId, staff(patientId, CUSTODIAN, ['patient']), { limit: 10 });
    expect(page.disclosures).toEqual([
      {
        eventId: claim.id,
        date: '2026-05-04T09:00:00.000Z',
        kind: 'claim',
        recipient: { organisation: 'insurer-c', practitioner: null },
        categories: ['encounters', 'observations'],
        resourceTypes: ['Encounter', 'Observation'],
        records: 3,
        purpose: 'HPAYMT',
        basis: { kind: 'claim', claimId },
        proof: `/audit/events/${claim.id}/proof`,
        anchored: null,
      },
    ]);
  });

  it('reaches back six years by default (configurable), further only when asked', async () => {
    const old = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date('2019-01-01T00:00:00Z'), grantId: GRANT }).id;
    const recent = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date('2021-01-01T00:00:00Z'), grantId: GRANT }).id;
    const po = staff('po-1', CUSTODIAN, ['privacy-officer']);
    const byDefault = await useCase().forPatient(patientId, po, { limit: 10 });
    expect(byDefault.from).toBe('2020-06-01T00:00:00.000Z');
    expect(byDefault.disclosures.map((d) => d.eventId)).toEqual([recent]);
    expect((await useCase(10).forPatient(patientId, po, { limit: 10 })).disclosures.map((d) => d.eventId)).toEqual([old, recent]);
    expect(
      (
        await useCase().forPatient(patientId, po, { from: Date.parse('2018-01-01T00:00:00Z'), to: Date.parse('2020-01-01T00:00:00Z'), limit: 10 })
      ).disclosures.map((d) => d.eventId),
    ).toEqual([old]);
  });

  it('pages with a cursor', async () => {
    const ids = [1, 2, 3, 4, 5].map(
      (d) => world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date(Date.UTC(2026, 0, d)), grantId: GRANT }).id,
    );
    const first = await useCase().forPatient(patientId, staff(patientId, CUSTODIAN, ['patient']), { limit: 2 });
    const second = await useCase().forPatient(patientId, staff(patientId, CUSTODIAN, ['patient']), { limit: 10, cursor: first.next! });
    expect([...first.disclosures, ...second.disclosures].map((d) => d.eventId)).toEqual(ids);
    expect(second.next).toBeNull();
  });

  it("is the patient's and their custodian's oversight's only", async () => {
    for (const caller of [
      staff('po-2', CLINIC, ['privacy-officer']),
      staff('dr-house', CUSTODIAN, ['clinician']),
      staff(world.registerPatient(), CUSTODIAN, ['patient']),
    ]) {
      const err = await useCase()
        .forPatient(patientId, caller, { limit: 10 })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err).toBeInstanceOf(AuditAccessError);
      expect((err as AuditAccessError).code).toBe('forbidden');
    }
  });
});
