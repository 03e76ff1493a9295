import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { ACCESS_ALERT_RAISED_V1, ACCESS_DECIDED_V1, createEvent, Topics, validateEvent, type AccessDecidedV1 } from '@carechain/contracts';
import { RecordingPublisher } from '@carechain/messaging/testing';
import { MemoryAlertWindows } from '../testing/memory-alert-windows';
import { AccessAlertHandler } from './access-alert.handler';
import { AccessAlertRules, alertIdOf, type AlertThresholds } from './access-alert.rules';

const CLINIC = 'clinic-b';
const MINUTE = 60_000;
const T0 = Date.parse('2026-03-01T09:00:00Z');

const thresholds = (over: Partial<AlertThresholds> = {}): AlertThresholds => ({
  breakGlass: true,
  manyPatients: { count: 3, windowMs: 10 * MINUTE },
  repeatedDenials: { count: 2, windowMs: 5 * MINUTE },
  restrictedPatients: new Set(),
  ...over,
});

function access(patientId: string, minute: number, over: Partial<AccessDecidedV1> = {}) {
  const data: AccessDecidedV1 = {
    accessId: randomUUID(),
    patientId,
    operation: 'read',
    actor: { subject: 'dr-who', organisation: CLINIC },
    categories: ['conditions'],
    purpose: 'TREAT',
    decision: 'permit',
    basis: 'grant',
    breakGlass: false,
    recordIds: [],
    ...over,
  };
  return { eventId: randomUUID(), time: new Date(T0 + minute * MINUTE).toISOString(), data };
}

describe('access alert rules', () => {
  let rules: AccessAlertRules;
  const make = (over?: Partial<AlertThresholds>) => (rules = new AccessAlertRules(new MemoryAlertWindows(), thresholds(over)));
  beforeEach(() => make());

  it('raises break-glass on every permitted emergency access, and not when turned off', async () => {
    const a = access(randomUUID(), 0, { basis: 'break-glass', breakGlass: true, breakGlassReason: 'unconscious on arrival, no grant', purpose: 'ETREAT' });
    expect(await rules.evaluate(a)).toEqual([
      {
        alertId: alertIdOf('break-glass', a.eventId),
        rule: 'break-glass',
        actor: a.data.actor,
        patientIds: [a.data.patientId],
        accessEventId: a.eventId,
        window: { from: a.time, to: a.time },
        count: 1,
        threshold: 1,
      },
    ]);
    make({ breakGlass: false });
    expect(await rules.evaluate(a)).toEqual([]);
  });

  it('raises many-patients once, when one user reaches the threshold of distinct patients within the window', async () => {
    const [p1, p2, p3, p4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    expect(await rules.evaluate(access(p1, 0))).toEqual([]);
    expect(await rules.evaluate(access(p1, 1))).toEqual([]); // the same patient again is not a new one
    expect(await rules.evaluate(access(p2, 2))).toEqual([]);
    const third = await rules.evaluate(access(p3, 3));
    expect(third).toEqual([
      expect.objectContaining({
        rule: 'many-patients',
        count: 3,
        threshold: 3,
        patientIds: [p1, p2, p3],
        window: { from: new Date(T0 + MINUTE).toISOString(), to: new Date(T0 + 3 * MINUTE).toISOString() },
      }),
    ]);
    expect(await rules.evaluate(access(p4, 4))).toEqual([]); // already over: no alert per further read
  });

  it('does not count reads spread beyond the window, another user, or the patient reading their own record', async () => {
    expect(await rules.evaluate(access(randomUUID(), 0))).toEqual([]);
    expect(await rules.evaluate(access(randomUUID(), 11))).toEqual([]);
    expect(await rules.evaluate(access(randomUUID(), 22))).toEqual([]);
    expect(await rules.evaluate(access(randomUUID(), 23, { actor: { subject: 'dr-other', organisation: CLINIC } }))).toEqual([]);
    const self = randomUUID();
    expect(await rules.evaluate(access(self, 24, { actor: { subject: self, organisation: 'patients' }, basis: 'patient', purpose: 'PATRQT' }))).toEqual([]);
  });

  it('raises restricted-patient on any staff read of a flagged patient, permitted or denied', async () => {
    const vip = randomUUID();
    make({ restrictedPatients: new Set([vip]) });
    expect((await rules.evaluate(access(vip, 0))).map((a) => a.rule)).toEqual(['restricted-patient']);
    expect((await rules.evaluate(access(vip, 1, { decision: 'deny', basis: undefined, denyReason: 'no-grant' }))).map((a) => a.rule)).toEqual([
      'restricted-patient',
    ]);
    expect(await rules.evaluate(access(randomUUID(), 2))).toEqual([]);
  });

  it('raises repeated-denials when one user is refused the threshold number of times within the window', async () => {
    const deny = { decision: 'deny' as const, basis: undefined, denyReason: 'no-grant' };
    expect(await rules.evaluate(access(randomUUID(), 0, deny))).toEqual([]);
    expect(await rules.evaluate(access(randomUUID(), 10, deny))).toEqual([]); // the first fell out of the 5-minute window
    expect((await rules.evaluate(access(randomUUID(), 12, deny))).map((a) => [a.rule, a.count])).toEqual([['repeated-denials', 2]]);
  });
});

describe('AccessAlertHandler', () => {
  it('publishes what the rules raise on the alerts topic as valid events, keyed by organisation', async () => {
    const publisher = new RecordingPublisher();
    const handler = new AccessAlertHandler(new AccessAlertRules(new MemoryAlertWindows(), thresholds()), publisher);
    const a = access(randomUUID(), 0, { basis: 'break-glass', breakGlass: true, breakGlassReason: 'unconscious on arrival, no grant', purpose: 'ETREAT' });
    const event = validateEvent(
      createEvent({ id: a.eventId, type: ACCESS_DECIDED_V1, source: '/carechain/records', subject: a.data.patientId, time: new Date(a.time), data: a.data }),
    );
    await handler.handle({
      topic: Topics.recordsAccess,
      partition: 0,
      lastOffset: '0',
      records: [{ topic: Topics.recordsAccess, partition: 0, offset: '0', key: null, value: Buffer.alloc(0), event, traceContext: ROOT_CONTEXT }],
    });
    const published = publisher.on(Topics.auditAlert);
    expect(published).toHaveLength(1);
    expect(published[0]!.key).toBe(CLINIC);
    expect(validateEvent(published[0]!.event)).toMatchObject({
      type: ACCESS_ALERT_RAISED_V1,
      id: alertIdOf('break-glass', a.eventId),
      data: { rule: 'break-glass' },
    });
  });
});
