import { GRANT_EXPIRED_V1, Topics } from '@carechain/contracts';
import { ConsentState } from './consent-state';
import { ExpireDueGrantsUseCase } from './expire-due-grants.use-case';
import { FakePublisher, HOUR, PATIENT, registerPatient, replicate, T0, grantingWorld } from './testing/consent.fixture';

const at = (ms: number) => new Date(T0.getTime() + ms).toISOString();
const IDS = ['8d5eb5c6-91a2-4d34-a5f6-f708192a3b4c', '9e6fc6d7-a2b3-4e45-b607-08192a3b4c5d', 'af70d7e8-b3c4-4f56-8718-192a3b4c5d6e'];

async function setup() {
  const { state, publisher, clock, grant } = grantingWorld(IDS);
  await grant({ validUntil: at(2 * HOUR) });
  await grant({ validUntil: at(HOUR) });
  await grant(); // open-ended: never expires
  const granted = [...publisher.published];
  publisher.published.length = 0;
  return { state, publisher, clock, granted, expire: new ExpireDueGrantsUseCase(state, publisher, clock.now) };
}

describe('ExpireDueGrantsUseCase', () => {
  it('publishes nothing before a validUntil passes', async () => {
    const { publisher, clock, expire } = await setup();
    clock.advance(HOUR - 1);
    expect(await expire.execute()).toBe(0);
    expect(publisher.published).toEqual([]);
  });

  it('publishes one GrantExpired per grant, at its validUntil, earliest first, and only once', async () => {
    const { state, publisher, clock, expire } = await setup();
    clock.advance(HOUR);
    expect(await expire.execute()).toBe(1);
    clock.advance(5 * HOUR);
    expect(await expire.execute()).toBe(1);
    expect(await expire.execute()).toBe(0);
    clock.advance(100 * HOUR);
    expect(await expire.execute()).toBe(0);
    expect(publisher.published.map((p) => [p.topic, p.key, p.event.type, p.event.subject, p.event.data])).toEqual([
      [Topics.consentGrant, PATIENT, GRANT_EXPIRED_V1, PATIENT, { grantId: IDS[1], patientId: PATIENT, expiredAt: at(HOUR) }],
      [Topics.consentGrant, PATIENT, GRANT_EXPIRED_V1, PATIENT, { grantId: IDS[0], patientId: PATIENT, expiredAt: at(2 * HOUR) }],
    ]);
    expect(state.grants(PATIENT).map((g) => g.status)).toEqual(['expired', 'expired', 'active']);
  });

  it('skips a run that overlaps one still publishing', async () => {
    const { publisher, clock, expire } = await setup();
    clock.advance(3 * HOUR);
    let open!: () => void;
    publisher.gate = new Promise((resolve) => (open = resolve));
    const first = expire.execute();
    expect(await expire.execute()).toBe(0);
    open();
    expect(await first).toBe(2);
    expect(publisher.ofType(GRANT_EXPIRED_V1)).toHaveLength(2);
  });

  it('tries again on the next run when publishing failed', async () => {
    const { publisher, clock, expire } = await setup();
    clock.advance(3 * HOUR);
    publisher.failure = new Error('broker down');
    await expect(expire.execute()).rejects.toThrow('broker down');
    publisher.failure = undefined;
    expect(await expire.execute()).toBe(2);
  });

  it('is harmless when two instances both expire a grant: the same payload, applied once', async () => {
    const { state, publisher, clock, granted, expire } = await setup();
    // A second instance that replayed the same grants.
    const other = new ConsentState();
    registerPatient(other);
    for (const p of granted) replicate(other, p.topic, p.event);
    const otherPublisher = new FakePublisher();
    clock.advance(3 * HOUR);
    await expire.execute();
    await new ExpireDueGrantsUseCase(other, otherPublisher, clock.now).execute();
    expect(otherPublisher.published.map((p) => p.event.data)).toEqual(publisher.published.map((p) => p.event.data));
    // Each replays the whole log, both instances' expiries included.
    const before = state.grants(PATIENT);
    for (const p of [...publisher.published, ...otherPublisher.published]) {
      replicate(state, p.topic, p.event);
      replicate(other, p.topic, p.event);
    }
    expect(state.grants(PATIENT)).toBe(before);
    expect(other.grants(PATIENT)).toEqual(state.grants(PATIENT));
  });
});
