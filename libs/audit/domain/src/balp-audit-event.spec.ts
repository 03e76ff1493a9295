import { validateAuditEvent } from '@carechain/records-fhir';
import { Topics } from '@carechain/contracts';
import { toAuditEvent } from './balp-audit-event';
import { BalpProfile } from './balp-codes';
import { AuditWorld, CLINIC, CUSTODIAN } from './testing/audit-world';
import type { AnchoredAuditEntry } from './audit-trail.store.port';

const GRANT = '11111111-1111-4111-8111-111111111111';
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

describe('BALP AuditEvents', () => {
  let world: AuditWorld;
  let patientId: string;

  beforeEach(() => {
    world = new AuditWorld();
    patientId = world.registerPatient(CUSTODIAN, at(0));
  });

  const entries = async (): Promise<AnchoredAuditEntry[]> => [...(await world.store.page({ kind: 'patient', patientId }, { limit: 100 })).entries];
  const valid = (json: unknown) => {
    const r = validateAuditEvent(json);
    return r.ok ? [] : r.issues;
  };

  it('maps each kind of entry to its profile, every one valid FHIR R4', async () => {
    world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(1), grantId: GRANT });
    world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(2), decision: 'deny' });
    world.access({ patientId, actor: 'dr-er', organisation: 'er-d', time: at(3), breakGlassReason: 'unconscious on arrival, allergies unknown' });
    world.share(patientId, CLINIC, at(4), GRANT);
    const events = (await entries()).map(toAuditEvent);
    expect(events.map((e) => e?.meta.profile[0])).toEqual([
      BalpProfile.create,
      BalpProfile.read,
      BalpProfile.consent,
      BalpProfile.read,
      BalpProfile.disclosure,
    ]);
    for (const e of events) expect(valid(e)).toEqual([]);
  });

  it('records a read as BALP does: rest/read, the user as requestor with their purpose, the patient and the records as entities', async () => {
    const id = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(1), grantId: GRANT }).id;
    const read = toAuditEvent((await entries()).find((e) => e.eventId === id)!)!;
    expect(read).toMatchObject({
      id,
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
      subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read' }],
      action: 'R',
      outcome: '0',
      recorded: at(1).toISOString(),
      purposeOfEvent: [{ coding: [{ code: 'TREAT' }] }],
    });
    expect(read.agent[0]).toMatchObject({ who: { identifier: { value: 'dr-who' } }, requestor: true });
    expect(read.agent[1]).toMatchObject({ type: { coding: [{ code: '110153' }] }, who: { identifier: { value: CLINIC } } });
    expect(read.entity[0]).toMatchObject({ what: { reference: `Patient/${patientId}` }, role: { code: '1' } });
    expect(read.entity[1]).toMatchObject({ role: { code: '4' } });
  });

  it('flags break-glass with the emergency purpose and its reason, and a refusal as a serious failure', async () => {
    const glass = world.access({
      patientId,
      actor: 'dr-er',
      organisation: 'er-d',
      time: at(3),
      breakGlassReason: 'unconscious on arrival, allergies unknown',
    }).id;
    const denied = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(4), decision: 'deny', denyReason: 'no-grant' }).id;
    const all = await entries();
    const g = toAuditEvent(all.find((e) => e.eventId === glass)!)!;
    expect(g.purposeOfEvent).toEqual([{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'ETREAT' }] }]);
    expect(g.entity[0]!.detail).toEqual([{ type: 'break-glass-reason', valueString: 'unconscious on arrival, allergies unknown' }]);
    const d = toAuditEvent(all.find((e) => e.eventId === denied)!)!;
    expect(d).toMatchObject({ type: { code: '110113' }, subtype: [{ code: 'AuthZ-Consent' }], action: 'E', outcome: '8', outcomeDesc: 'refused: no-grant' });
  });

  it('maps a claim sent to a payer to a PrivacyDisclosure to the insurer, for payment, naming the claim and the records it bills for', async () => {
    const recordId = world.record(patientId, 'encounters', 'Encounter', at(1));
    const claim = world.claim(patientId, 'insurer-c', at(2), [recordId]);
    const e = toAuditEvent((await entries()).find((x) => x.eventId === claim.id)!)!;
    expect(e).toMatchObject({
      meta: { profile: [BalpProfile.disclosure] },
      type: { code: '110106' },
      action: 'R',
      purposeOfEvent: [{ coding: [{ code: 'HPAYMT' }] }],
    });
    expect(e.agent.at(-1)).toMatchObject({ who: { identifier: { value: 'insurer-c' } }, requestor: false });
    expect(e.entity.map((x) => x.what)).toEqual([
      { reference: `Patient/${patientId}` },
      { reference: `Claim/${(claim.data as { claimId: string }).claimId}` },
      { identifier: { system: 'https://carechain.dev/fhir/sid/record', value: recordId } },
    ]);
    expect(valid(e)).toEqual([]);
  });

  it('maps record writes to create then update, and leaves out what BALP has no pattern for', () => {
    const written = (version: number) =>
      ({
        eventId: `e${version}`,
        type: 'carechain.records.record.written.v1',
        subject: patientId,
        actor: 'dr-house',
        actorOrganisation: CUSTODIAN,
        time: at(version).toISOString(),
        source: { topic: Topics.recordsRecord, partition: 0, offset: '1' },
        details: { recordId: GRANT, version, category: 'conditions', resourceType: 'Condition' },
        anchored: null,
      }) as AnchoredAuditEntry;
    expect(toAuditEvent(written(1))).toMatchObject({
      meta: { profile: [BalpProfile.create] },
      action: 'C',
      entity: [{}, { what: { reference: `Condition/${GRANT}` } }],
    });
    expect(toAuditEvent(written(2))).toMatchObject({ meta: { profile: [BalpProfile.update] }, action: 'U' });
    expect(valid(toAuditEvent(written(2)))).toEqual([]);
    expect(toAuditEvent({ ...written(1), type: 'carechain.identity.keys.issued.v1' })).toBeUndefined();
  });
});
