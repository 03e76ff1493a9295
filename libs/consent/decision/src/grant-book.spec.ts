import { ConsentDecisionErrorCode } from './consent-decision.error';
import { decide } from './decide';
import { GrantBook } from './grant-book';
import { aGrant, aPatient, aRequest } from './testing/consent.fixture';

const T = '2025-04-01T00:00:00Z';

describe('GrantBook', () => {
  it('indexes grants by id and by patient', () => {
    const book = new GrantBook();
    book.grant(aGrant({ grantId: 'g1' }));
    book.grant(aGrant({ grantId: 'g2' }));
    book.grant(aGrant({ grantId: 'g3', patientId: 'patient-2' }));
    expect(book.size).toBe(3);
    expect(book.get('g2')).toMatchObject({ grantId: 'g2', status: 'active' });
    expect(book.forPatient('patient-1').map((g) => g.grantId)).toEqual(['g1', 'g2']);
    expect(book.forPatient('patient-2').map((g) => g.grantId)).toEqual(['g3']);
    expect(book.forPatient('nobody')).toEqual([]);
    expect(book.get('nope')).toBeUndefined();
  });

  it('stores a frozen copy: the caller mutating its object changes nothing', () => {
    const book = new GrantBook();
    const categories: ('conditions' | 'billing')[] = ['conditions'];
    book.grant(aGrant({ categories }));
    categories.push('billing');
    expect(book.get('grant-1')!.categories).toEqual(['conditions']);
    expect(Object.isFrozen(book.forPatient('patient-1'))).toBe(true);
    expect(Object.isFrozen(book.get('grant-1')!.categories)).toBe(true);
  });

  it("does not lend a stored grant's compiled scope to a copy with other terms", () => {
    const book = new GrantBook();
    book.grant(aGrant({ categories: ['billing'] }));
    const widened = { ...book.get('grant-1')!, categories: ['conditions' as const] };
    expect(decide(aRequest(), aPatient(), [widened])).toMatchObject({ effect: 'permit' });
    expect(decide(aRequest(), aPatient(), book.forPatient('patient-1'))).toMatchObject({ effect: 'deny', reason: 'category-not-granted' });
    expect(JSON.parse(JSON.stringify(book.get('grant-1')))).toEqual(aGrant({ categories: ['billing'] }));
  });

  it('replays idempotently: the same grant and revocation again change nothing', () => {
    const book = new GrantBook();
    expect(book.grant(aGrant())).toBe(true);
    expect(book.grant(aGrant())).toBe(false);
    const list = book.forPatient('patient-1');
    expect(book.revoke('grant-1', T)).toBe(true);
    expect(book.revoke('grant-1', '2025-05-01T00:00:00Z')).toBe(false);
    expect(book.grant(aGrant())).toBe(false);
    expect(book.size).toBe(1);
    expect(book.get('grant-1')).toMatchObject({ status: 'revoked', revokedAt: T });
    expect(list[0].status).toBe('active'); // a list handed out earlier is never mutated
    expect(decide(aRequest(), aPatient(), book.forPatient('patient-1'))).toMatchObject({ effect: 'deny', reason: 'grant-revoked' });
  });

  it('never turns an ended grant active again, the first ending wins', () => {
    const book = new GrantBook();
    book.grant(aGrant());
    expect(book.expire('grant-1', T)).toBe(true);
    expect(book.revoke('grant-1', T)).toBe(false);
    expect(book.grant(aGrant())).toBe(false);
    expect(book.get('grant-1')).toMatchObject({ status: 'expired', expiredAt: T });
  });

  it('keeps a revocation that arrives before its grant: the grant stays revoked', () => {
    const book = new GrantBook();
    expect(book.revoke('grant-1', T)).toBe(true);
    expect(book.revoke('grant-1', T)).toBe(false);
    expect(book.size).toBe(0);
    book.grant(aGrant());
    expect(book.get('grant-1')).toMatchObject({ status: 'revoked', revokedAt: T });
    expect(book.dueForExpiry(new Date('2030-01-01T00:00:00Z'))).toEqual([]);
  });

  it('keeps an expiry that arrives before its grant', () => {
    const book = new GrantBook();
    book.expire('grant-1', T);
    book.grant(aGrant());
    expect(book.get('grant-1')).toMatchObject({ status: 'expired', expiredAt: T });
  });

  it('applies an ended grant from a snapshot onto the active one', () => {
    const book = new GrantBook();
    book.grant(aGrant());
    expect(book.grant(aGrant({ status: 'revoked', revokedAt: T }))).toBe(true);
    expect(book.get('grant-1')).toMatchObject({ status: 'revoked', revokedAt: T });
  });

  it('refuses a different grant under an id already held', () => {
    const book = new GrantBook();
    book.grant(aGrant());
    expect(() => book.grant(aGrant({ categories: ['billing'] }))).toThrow(expect.objectContaining({ code: ConsentDecisionErrorCode.GrantConflict }));
    expect(() => book.grant(aGrant({ patientId: 'patient-2' }))).toThrow(expect.objectContaining({ code: ConsentDecisionErrorCode.GrantConflict }));
  });

  it.each([
    ['no categories', { categories: [] }, ConsentDecisionErrorCode.InvalidGrant],
    ['no organisation', { grantee: { organisation: '' } }, ConsentDecisionErrorCode.InvalidGrant],
    ['an unknown status', { status: 'paused' as never }, ConsentDecisionErrorCode.InvalidGrant],
    ['a bad grantedBy', { grantedBy: { kind: 'robot' as never, subject: 's', signed: true } }, ConsentDecisionErrorCode.InvalidGrant],
    ['a revoked status without revokedAt', { status: 'revoked' as const }, ConsentDecisionErrorCode.InvalidTimestamp],
    ['a bad grantedAt', { grantedAt: 'yesterday' }, ConsentDecisionErrorCode.InvalidTimestamp],
  ])('refuses a grant with %s', (_, overrides, code) => {
    const book = new GrantBook();
    expect(() => book.grant(aGrant(overrides))).toThrow(expect.objectContaining({ code }));
    expect(book.size).toBe(0);
  });

  it('refuses a revocation or expiry at an invalid instant', () => {
    const book = new GrantBook();
    expect(() => book.revoke('grant-1', 'now')).toThrow(expect.objectContaining({ code: ConsentDecisionErrorCode.InvalidTimestamp }));
    expect(() => book.expire('grant-1', '')).toThrow(expect.objectContaining({ code: ConsentDecisionErrorCode.InvalidTimestamp }));
    book.grant(aGrant());
    expect(book.get('grant-1')!.status).toBe('active');
  });

  it('forgets every grant of an erased patient, and only theirs', () => {
    const book = new GrantBook();
    book.grant(aGrant({ grantId: 'g1' }));
    book.grant(aGrant({ grantId: 'g2', status: 'revoked', revokedAt: T }));
    book.grant(aGrant({ grantId: 'g3', patientId: 'patient-2' }));
    expect(book.forget('patient-1')).toBe(true);
    expect(book.forget('patient-1')).toBe(false);
    expect(book.size).toBe(1);
    expect(book.get('g1')).toBeUndefined();
    expect(book.forPatient('patient-1')).toEqual([]);
    expect(book.dueForExpiry(new Date('2030-01-01T00:00:00Z')).map((g) => g.grantId)).toEqual(['g3']);
  });

  describe('dueForExpiry', () => {
    const until = (grantId: string, validUntil?: string, patientId = 'patient-1') =>
      aGrant({ grantId, patientId, validFrom: '2020-01-01T00:00:00Z', validUntil });

    it('lists active grants whose validUntil ≤ now, earliest first, then by grantId', () => {
      const book = new GrantBook();
      book.grant(until('g-late', '2025-03-01T00:00:00Z'));
      book.grant(until('g-open', undefined));
      book.grant(until('g-b', '2025-01-01T00:00:00Z', 'patient-2'));
      book.grant(until('g-future', '2025-09-01T00:00:00Z'));
      book.grant(until('g-a', '2025-01-01T00:00:00Z'));
      book.grant(until('g-early', '2024-06-01T00:00:00Z', 'patient-3'));
      expect(book.dueForExpiry(new Date('2025-03-01T00:00:00Z')).map((g) => g.grantId)).toEqual(['g-early', 'g-a', 'g-b', 'g-late']);
      expect(book.dueForExpiry(new Date('2025-02-28T23:59:59Z')).map((g) => g.grantId)).toEqual(['g-early', 'g-a', 'g-b']);
      expect(book.dueForExpiry(new Date('2024-01-01T00:00:00Z'))).toEqual([]);
    });

    it('keeps listing a due grant until it is expired, then leaves it out', () => {
      const book = new GrantBook();
      book.grant(until('g1', '2025-01-01T00:00:00Z'));
      book.grant(until('g2', '2025-02-01T00:00:00Z'));
      const now = new Date('2025-06-01T00:00:00Z');
      expect(book.dueForExpiry(now).map((g) => g.grantId)).toEqual(['g1', 'g2']);
      expect(book.dueForExpiry(now).map((g) => g.grantId)).toEqual(['g1', 'g2']);
      book.expire('g1', '2025-06-01T00:00:00Z');
      book.revoke('g2', '2025-06-01T00:00:00Z');
      expect(book.dueForExpiry(now)).toEqual([]);
    });

    it('lists a grant forgotten then granted again once', () => {
      const book = new GrantBook();
      book.grant(until('g1', '2025-01-01T00:00:00Z'));
      book.forget('patient-1');
      book.grant(until('g1', '2025-01-01T00:00:00Z'));
      expect(book.dueForExpiry(new Date('2025-06-01T00:00:00Z')).map((g) => g.grantId)).toEqual(['g1']);
    });

    it('stays right through many revocations (stale entries rebuilt away)', () => {
      const book = new GrantBook();
      const n = 5000;
      for (let i = 0; i < n; i++) book.grant(until(`g${String(i).padStart(5, '0')}`, new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), `p${i % 700}`));
      for (let i = 0; i < n; i++) if (i % 10 !== 0) book.revoke(`g${String(i).padStart(5, '0')}`, T);
      const due = book.dueForExpiry(new Date('2030-01-01T00:00:00Z')).map((g) => g.grantId);
      expect(due).toEqual(Array.from({ length: n / 10 }, (_, k) => `g${String(k * 10).padStart(5, '0')}`));
    });
  });
});
