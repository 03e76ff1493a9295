import 'reflect-metadata';
import { hex64 } from '../testing/anchor-fixtures';
import { EVENT_COMMITMENT, GRANT_KEY, GRANTEE_COMMITMENT, REGISTERED_GRANT, registerArgs, registerPositional } from '../testing/consent-fixtures';
import { fakeContext } from '../testing/fake-context';
import { type FakeTransaction, FakeWorldState } from '../testing/fake-world-state';
import { ConsentContract } from './consent.contract';
import type { RegisterGrantArgs } from './grant-arguments.parser';

const REGISTERED_AT = new Date('2025-03-01T10:00:05.123Z');
const REVOKED_TX_AT = new Date('2025-04-01T09:00:00.250Z');
const REVOKED_AT = '2025-04-01T08:59:58.000Z';
const REVOKE_EVENT = hex64('revoking event commitment');
const EXPIRE_EVENT = hex64('expiring event commitment');
const UNKNOWN_KEY = hex64('a grant never registered');
const MSP = 'ProviderOrgMSP';
const STATE_KEY = `\u0000consent.grant\u0000${GRANT_KEY}\u0000`;

describe('ConsentContract', () => {
  let world: FakeWorldState;
  const contract = new ConsentContract();

  beforeEach(() => {
    world = new FakeWorldState();
  });

  async function submit(at: Date, call: (tx: FakeTransaction) => Promise<string>) {
    const tx = world.begin(at);
    const result = await call(tx);
    world.commit(tx);
    return { tx, result };
  }

  const register = (args: RegisterGrantArgs = registerArgs()) =>
    submit(REGISTERED_AT, (tx) => contract.RegisterGrant(fakeContext(tx, MSP), ...registerPositional(args)));
  const revoke = (revokedAt = REVOKED_AT, eventCommitment = REVOKE_EVENT, grantKey = GRANT_KEY) =>
    submit(REVOKED_TX_AT, (tx) => contract.RevokeGrant(fakeContext(tx, MSP), grantKey, revokedAt, eventCommitment));
  const expire = (expiredAt = '2025-06-01T00:00:00.000Z', eventCommitment = EXPIRE_EVENT) =>
    submit(new Date('2025-06-01T00:00:03.000Z'), (tx) => contract.ExpireGrant(fakeContext(tx, MSP), GRANT_KEY, expiredAt, eventCommitment));
  const evaluate = () => fakeContext(world.begin(new Date('2025-07-01T00:00:00.000Z')), 'PayerOrgMSP');
  const stored = async () => JSON.parse(await contract.GetGrant(evaluate(), GRANT_KEY)) as Record<string, unknown>;
  const validAt = async (time: string) => JSON.parse(await contract.WasGrantValidAt(evaluate(), GRANT_KEY, time)) as unknown;

  it('is the "consent" contract', () => {
    expect(contract.getName()).toBe('consent');
  });

  describe('RegisterGrant / GetGrant', () => {
    it('stores the commitments, window and provenance with the tx timestamp and id, and returns the record', async () => {
      const { result } = await register();
      expect(await contract.GetGrant(evaluate(), GRANT_KEY)).toBe(result);
      expect(JSON.parse(result)).toEqual({
        ...REGISTERED_GRANT,
        validUntil: '2025-06-01T00:00:00.000Z',
        status: 'active',
        registeredAt: '2025-03-01T10:00:05.123Z',
        registeredTxId: `tx-${REGISTERED_AT.getTime()}`,
        registeredEventCommitment: EVENT_COMMITMENT,
        statusChangedAt: null,
        statusChangedTxId: null,
        statusChangedEventCommitment: null,
      });
    });

    it('writes one record under its composite key and nothing else', async () => {
      const { tx } = await register();
      expect([...tx.writes.keys()]).toEqual([STATE_KEY]);
    });

    it('emits GrantRegistered with the grant key and status only', async () => {
      const { tx } = await register();
      expect(tx.events).toEqual([{ name: 'GrantRegistered', payload: `{"grantKey":"${GRANT_KEY}","status":"active"}` }]);
    });

    it('stores an empty validUntil as an open-ended grant', async () => {
      await register(registerArgs({ validUntil: '' }));
      expect((await stored()).validUntil).toBeNull();
    });

    it('refuses a grant key it already holds with GRANT_EXISTS, writing and emitting nothing', async () => {
      await register();
      const retry = world.begin(REGISTERED_AT);
      const other = registerArgs({ granteeCommitment: hex64('another grantee') });
      await expect(contract.RegisterGrant(fakeContext(retry, MSP), ...registerPositional(other))).rejects.toThrow(
        new RegExp(`^GRANT_EXISTS: grant ${GRANT_KEY} is already registered$`),
      );
      expect(retry.writes.size).toBe(0);
      expect(retry.events).toEqual([]);
      expect((await stored()).granteeCommitment).toBe(GRANTEE_COMMITMENT);
    });

    it("endorses identically on both organisations' peers", async () => {
      const [peerA, peerB] = [world.begin(REGISTERED_AT), world.begin(REGISTERED_AT)];
      const [a, b] = await Promise.all([peerA, peerB].map((tx) => contract.RegisterGrant(fakeContext(tx, MSP), ...registerPositional(registerArgs()))));
      expect(a).toBe(b);
      expect([...peerA.writes]).toEqual([...peerB.writes]);
      expect(peerA.events).toEqual(peerB.events);
    });

    it.each([
      ['a patient id in clear', { patientCommitment: '5b7e2c1a-0d3f-4e6b-9a8c-7d1e2f3a4b5c' }, 'patientCommitment'],
      ['categories in clear', { scopeCommitment: 'conditions,medications' }, 'scopeCommitment'],
      ['a window that ends where it starts', { validUntil: '2025-03-01T00:00:00.000Z' }, 'validFrom must be before validUntil'],
      ['a local time', { validFrom: '2025-03-01T01:00:00.000+01:00' }, 'validFrom'],
      ['a grant id in clear', { grantKey: '0b9d6a52-7c1e-4f3a-9d2b-5e8f1a6c3b70' }, 'grantKey'],
      ['an organisation id in clear', { granteeCommitment: 'PayerOrg' }, 'granteeCommitment'],
      ['a source event id in clear', { eventCommitment: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f' }, 'eventCommitment'],
    ])('refuses %s before touching the ledger', async (_case, overrides, message) => {
      const tx = world.begin(REGISTERED_AT);
      await expect(contract.RegisterGrant(fakeContext(tx, MSP), ...registerPositional(registerArgs(overrides)))).rejects.toThrow(
        `INVALID_ARGUMENT: ${message}`,
      );
      expect(tx.writes.size).toBe(0);
      expect(tx.events).toEqual([]);
    });

    it('answers GRANT_NOT_FOUND for an unknown key and INVALID_ARGUMENT for a malformed one', async () => {
      await expect(contract.GetGrant(evaluate(), GRANT_KEY)).rejects.toThrow(new RegExp(`^GRANT_NOT_FOUND: no grant ${GRANT_KEY}$`));
      await expect(contract.GetGrant(evaluate(), GRANT_KEY.toUpperCase())).rejects.toThrow(/^INVALID_ARGUMENT: grantKey/);
    });
  });

  describe('RevokeGrant / ExpireGrant', () => {
    beforeEach(async () => {
      await register();
    });

    it('revokes an active grant: status, the supplied time, this tx and the event commitment; the rest untouched', async () => {
      const before = await stored();
      const { tx, result } = await revoke();
      expect(JSON.parse(result)).toEqual({
        ...before,
        status: 'revoked',
        statusChangedAt: REVOKED_AT,
        statusChangedTxId: `tx-${REVOKED_TX_AT.getTime()}`,
        statusChangedEventCommitment: REVOKE_EVENT,
      });
      expect(await contract.GetGrant(evaluate(), GRANT_KEY)).toBe(result);
      expect([...tx.writes.keys()]).toEqual([STATE_KEY]);
      expect(tx.events).toEqual([{ name: 'GrantRevoked', payload: `{"grantKey":"${GRANT_KEY}","status":"revoked"}` }]);
    });

    it('expires an active grant and emits GrantExpired', async () => {
      const { tx, result } = await expire();
      expect(JSON.parse(result)).toMatchObject({ status: 'expired', statusChangedAt: '2025-06-01T00:00:00.000Z', statusChangedEventCommitment: EXPIRE_EVENT });
      expect(tx.events).toEqual([{ name: 'GrantExpired', payload: `{"grantKey":"${GRANT_KEY}","status":"expired"}` }]);
    });

    it('refuses a second revoke with ALREADY_REVOKED naming the stored change, writing and emitting nothing', async () => {
      await revoke();
      const retry = world.begin(REVOKED_TX_AT);
      await expect(contract.RevokeGrant(fakeContext(retry, MSP), GRANT_KEY, REVOKED_AT, REVOKE_EVENT)).rejects.toThrow(
        `ALREADY_REVOKED: grant ${GRANT_KEY} was revoked at ${REVOKED_AT} by event ${REVOKE_EVENT} in tx tx-${REVOKED_TX_AT.getTime()}`,
      );
      expect(retry.writes.size).toBe(0);
      expect(retry.events).toEqual([]);
    });

    it('refuses a second expiry with ALREADY_EXPIRED', async () => {
      await expire();
      await expect(expire()).rejects.toThrow(/^ALREADY_EXPIRED: /);
    });

    it('refuses to expire a revoked grant, or to revoke an expired one, with NOT_ACTIVE', async () => {
      await revoke();
      await expect(expire()).rejects.toThrow(/^NOT_ACTIVE: .* was revoked at /);
      world = new FakeWorldState();
      await register();
      await expire();
      await expect(revoke()).rejects.toThrow(/^NOT_ACTIVE: .* was expired at /);
      expect((await stored()).status).toBe('expired');
    });

    it('answers GRANT_NOT_FOUND for an unknown grant', async () => {
      await expect(revoke(REVOKED_AT, REVOKE_EVENT, UNKNOWN_KEY)).rejects.toThrow(/^GRANT_NOT_FOUND: /);
    });

    it.each([
      ['revokedAt without milliseconds', () => revoke('2025-04-01T08:59:58Z'), 'revokedAt must be an ISO-8601 UTC time'],
      ['an empty event commitment', () => revoke(REVOKED_AT, ''), 'eventCommitment'],
      ['a source event id in clear', () => revoke(REVOKED_AT, 'c4a1e2b3-5d6f-4a7b-8c9d-0e1f2a3b4c5d'), 'eventCommitment'],
      ['a grant id in clear', () => revoke(REVOKED_AT, REVOKE_EVENT, '0b9d6a52-7c1e-4f3a-9d2b-5e8f1a6c3b70'), 'grantKey'],
      ['an impossible expiredAt', () => expire('2025-02-30T00:00:00.000Z'), 'expiredAt'],
    ])('refuses %s', async (_case, call, message) => {
      await expect(call()).rejects.toThrow(`INVALID_ARGUMENT: ${message}`);
      expect((await stored()).status).toBe('active');
    });
  });

  describe('WasGrantValidAt', () => {
    beforeEach(async () => {
      await register();
    });

    it.each([
      ['before validFrom', '2025-02-28T23:59:59.999Z', false, 'before-valid-from'],
      ['at validFrom', '2025-03-01T00:00:00.000Z', true, 'valid'],
      ['inside the window', '2025-04-15T12:00:00.000Z', true, 'valid'],
      ['just before validUntil', '2025-05-31T23:59:59.999Z', true, 'valid'],
      ['at validUntil', '2025-06-01T00:00:00.000Z', false, 'past-valid-until'],
      ['after validUntil', '2026-01-01T00:00:00.000Z', false, 'past-valid-until'],
    ])('answers %s of an active grant', async (_case, time, valid, reason) => {
      expect(await validAt(time)).toEqual({ grantKey: GRANT_KEY, valid, reason });
    });

    it('keeps the grant valid until the revokedAt the writer supplied, not the revoking tx time', async () => {
      await revoke();
      expect(await validAt('2025-04-01T08:59:57.999Z')).toEqual({ grantKey: GRANT_KEY, valid: true, reason: 'valid' });
      expect(await validAt(REVOKED_AT)).toEqual({ grantKey: GRANT_KEY, valid: false, reason: 'revoked' });
      expect(await validAt('2025-05-01T00:00:00.000Z')).toEqual({ grantKey: GRANT_KEY, valid: false, reason: 'revoked' });
      expect(await validAt('2025-02-01T00:00:00.000Z')).toEqual({ grantKey: GRANT_KEY, valid: false, reason: 'before-valid-from' });
    });

    it('answers an open-ended grant as valid far into the future', async () => {
      world = new FakeWorldState();
      await register(registerArgs({ validUntil: '' }));
      expect(await validAt('9999-12-31T23:59:59.999Z')).toEqual({ grantKey: GRANT_KEY, valid: true, reason: 'valid' });
    });

    it('writes nothing', async () => {
      const tx = world.begin(REGISTERED_AT);
      await contract.WasGrantValidAt(fakeContext(tx, 'PayerOrgMSP'), GRANT_KEY, '2025-04-01T00:00:00.000Z');
      expect(tx.writes.size).toBe(0);
      expect(tx.events).toEqual([]);
    });

    it('refuses a malformed time and an unknown grant', async () => {
      await expect(validAt('2025-04-01')).rejects.toThrow('INVALID_ARGUMENT: time must be an ISO-8601 UTC time');
      await expect(contract.WasGrantValidAt(evaluate(), UNKNOWN_KEY, '2025-04-01T00:00:00.000Z')).rejects.toThrow(/^GRANT_NOT_FOUND: /);
    });
  });

  it('declares its transactions to fabric-contract-api without the context parameter', () => {
    const transactions = Reflect.getMetadata('fabric:transactions', ConsentContract.prototype) as {
      name: string;
      tag: string[];
      parameters: { name: string; schema: { type: string } }[];
    }[];
    const summary = Object.fromEntries(transactions.map((t) => [t.name, { tag: t.tag, params: t.parameters.map((p) => `${p.name}:${p.schema.type}`) }]));
    expect(summary).toEqual({
      RegisterGrant: {
        tag: ['SUBMIT', 'submitTx'],
        params: ['grantKey', 'patientCommitment', 'scopeCommitment', 'granteeCommitment', 'validFrom', 'validUntil', 'eventCommitment'].map(
          (p) => `${p}:string`,
        ),
      },
      RevokeGrant: { tag: ['SUBMIT', 'submitTx'], params: ['grantKey:string', 'revokedAt:string', 'eventCommitment:string'] },
      ExpireGrant: { tag: ['SUBMIT', 'submitTx'], params: ['grantKey:string', 'expiredAt:string', 'eventCommitment:string'] },
      GetGrant: { tag: ['EVALUATE'], params: ['grantKey:string'] },
      WasGrantValidAt: { tag: ['EVALUATE'], params: ['grantKey:string', 'time:string'] },
    });
  });
});
