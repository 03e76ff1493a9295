import { hex64 } from '../testing/anchor-fixtures';
import { EVENT_COMMITMENT, GRANT_KEY, REGISTERED_GRANT } from '../testing/consent-fixtures';
import { type GrantRecord, type GrantStatus, serializeGrantValidity } from '@carechain/ledger-chaincode-api';
import { grantValidityAt } from './grant-validity';

function grant(validUntil: string | null, status: GrantStatus = 'active', statusChangedAt: string | null = null): GrantRecord {
  const changed = status !== 'active';
  return {
    ...REGISTERED_GRANT,
    validUntil,
    status,
    registeredAt: '2025-03-01T00:00:01.000Z',
    registeredTxId: 'tx-1',
    registeredEventCommitment: EVENT_COMMITMENT,
    statusChangedAt,
    statusChangedTxId: changed ? 'tx-2' : null,
    statusChangedEventCommitment: changed ? hex64('ending event commitment') : null,
  };
}

const reasonAt = (record: GrantRecord, at: string) => grantValidityAt(record, Date.parse(at)).reason;

describe('grantValidityAt', () => {
  const UNTIL = '2025-06-01T00:00:00.000Z';

  it('is valid exactly on [validFrom, validUntil) of an active grant', () => {
    const active = grant(UNTIL);
    expect(grantValidityAt(active, Date.parse('2025-03-01T00:00:00.000Z'))).toEqual({ grantKey: GRANT_KEY, valid: true, reason: 'valid' });
    expect(grantValidityAt(active, Date.parse('2025-02-28T23:59:59.999Z'))).toEqual({ grantKey: GRANT_KEY, valid: false, reason: 'before-valid-from' });
    expect(grantValidityAt(active, Date.parse('2025-05-31T23:59:59.999Z')).valid).toBe(true);
    expect(grantValidityAt(active, Date.parse(UNTIL))).toEqual({ grantKey: GRANT_KEY, valid: false, reason: 'past-valid-until' });
  });

  it('ends a revoked grant at revokedAt, inclusively', () => {
    const revoked = grant(UNTIL, 'revoked', '2025-04-01T00:00:00.000Z');
    expect(reasonAt(revoked, '2025-03-31T23:59:59.999Z')).toBe('valid');
    expect(reasonAt(revoked, '2025-04-01T00:00:00.000Z')).toBe('revoked');
    expect(reasonAt(revoked, '2025-12-01T00:00:00.000Z')).toBe('revoked');
  });

  it('names the earliest cause: the window end when the status changed only after it', () => {
    const revokedLate = grant(UNTIL, 'revoked', '2025-07-01T00:00:00.000Z');
    expect(reasonAt(revokedLate, '2025-06-15T00:00:00.000Z')).toBe('past-valid-until');
    expect(reasonAt(revokedLate, '2025-08-01T00:00:00.000Z')).toBe('past-valid-until');
  });

  it('names an expiry recorded at validUntil itself as expired', () => {
    expect(reasonAt(grant(UNTIL, 'expired', UNTIL), '2025-06-01T00:00:00.000Z')).toBe('expired');
  });

  it('answers before-valid-from for a grant revoked before it started, until validFrom', () => {
    const revokedEarly = grant(UNTIL, 'revoked', '2025-02-01T00:00:00.000Z');
    expect(reasonAt(revokedEarly, '2025-02-15T00:00:00.000Z')).toBe('before-valid-from');
    expect(reasonAt(revokedEarly, '2025-03-15T00:00:00.000Z')).toBe('revoked');
  });

  it('keeps an open-ended active grant valid forever', () => {
    expect(reasonAt(grant(null), '9999-12-31T23:59:59.999Z')).toBe('valid');
    expect(reasonAt(grant(null, 'expired', '2026-01-01T00:00:00.000Z'), '2026-01-01T00:00:00.000Z')).toBe('expired');
  });

  it('serialises in a fixed key order', () => {
    expect(serializeGrantValidity({ reason: 'revoked', valid: false, grantKey: GRANT_KEY })).toBe(
      `{"grantKey":"${GRANT_KEY}","valid":false,"reason":"revoked"}`,
    );
  });
});
