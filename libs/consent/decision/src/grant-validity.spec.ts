import { ConsentDecisionError } from './consent-decision.error';
import { isGrantValidAt } from './grant-validity';
import { aGrant } from './testing/consent.fixture';

describe('isGrantValidAt', () => {
  const grant = aGrant({ validFrom: '2025-01-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' });

  it('includes validFrom and excludes validUntil', () => {
    expect(isGrantValidAt(grant, new Date('2024-12-31T23:59:59.999Z'))).toBe(false);
    expect(isGrantValidAt(grant, new Date('2025-01-01T00:00:00.000Z'))).toBe(true);
    expect(isGrantValidAt(grant, new Date('2025-12-31T23:59:59.999Z'))).toBe(true);
    expect(isGrantValidAt(grant, new Date('2026-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('compares instants, not strings: an offset moves the bound', () => {
    const offset = aGrant({ validFrom: '2025-01-01T02:00:00+02:00' });
    expect(isGrantValidAt(offset, new Date('2024-12-31T23:59:59Z'))).toBe(false);
    expect(isGrantValidAt(offset, new Date('2025-01-01T00:00:00Z'))).toBe(true);
  });

  it('has no end without validUntil', () => {
    expect(isGrantValidAt(aGrant({ validUntil: undefined }), new Date('2999-01-01T00:00:00Z'))).toBe(true);
  });

  it('is false for a revoked or expired grant inside its period', () => {
    expect(isGrantValidAt(aGrant({ status: 'revoked', revokedAt: '2025-03-01T00:00:00Z' }), new Date('2025-06-01T00:00:00Z'))).toBe(false);
    expect(isGrantValidAt(aGrant({ status: 'expired', expiredAt: '2025-03-01T00:00:00Z' }), new Date('2025-06-01T00:00:00Z'))).toBe(false);
  });

  it.each([
    ['a date without time', { validFrom: '2025-01-01' }],
    ['a local time without offset', { validFrom: '2025-01-01T00:00:00' }],
    ['an impossible date', { validUntil: '2025-13-45T00:00:00Z' }],
    ['an empty period', { validUntil: '2025-01-01T00:00:00Z' }],
  ])('refuses a grant with %s', (_, overrides) => {
    expect(() => isGrantValidAt(aGrant(overrides), new Date())).toThrow(ConsentDecisionError);
  });
});
