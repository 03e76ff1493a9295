import { ConsentDecisionError, ConsentDecisionErrorCode } from './consent-decision.error';
import { grantCovers } from './grant-covers';
import { aGrant, aRequest, CLINIC } from './testing/consent.fixture';

describe('grantCovers', () => {
  it('covers a request of its organisation, purpose and categories while in force', () => {
    expect(grantCovers(aGrant(), aRequest({ categories: ['conditions', 'medications'] }))).toBe(true);
  });

  it('needs every requested category', () => {
    expect(grantCovers(aGrant(), aRequest({ categories: ['conditions', 'billing'] }))).toBe(false);
  });

  it('needs the purpose', () => {
    expect(grantCovers(aGrant(), aRequest({ purpose: 'HRESCH' }))).toBe(false);
  });

  it('needs the organisation', () => {
    expect(grantCovers(aGrant(), aRequest({ requester: { subject: 'dr-who', organisation: 'org-other', roles: [] } }))).toBe(false);
  });

  it('needs the named practitioner when the grant names one', () => {
    const scoped = aGrant({ grantee: { organisation: CLINIC, practitioner: 'dr-who' } });
    expect(grantCovers(scoped, aRequest())).toBe(true);
    expect(grantCovers(scoped, aRequest({ requester: { subject: 'dr-no', organisation: CLINIC, roles: [] } }))).toBe(false);
  });

  it('needs the same patient', () => {
    expect(grantCovers(aGrant({ patientId: 'patient-2' }), aRequest())).toBe(false);
  });

  it('needs the grant in force at request.at', () => {
    expect(grantCovers(aGrant(), aRequest({ at: new Date('2026-01-01T00:00:00Z') }))).toBe(false);
    expect(grantCovers(aGrant({ status: 'revoked', revokedAt: '2025-02-01T00:00:00Z' }), aRequest())).toBe(false);
  });

  it.each([
    ['no categories', { categories: [] }],
    ['an unknown category', { categories: ['genome' as never] }],
    ['an unknown purpose', { purpose: 'MARKETING' as never }],
    ['an invalid date', { at: new Date('nope') }],
  ])('refuses a request with %s', (_, overrides) => {
    expect(() => grantCovers(aGrant(), aRequest(overrides))).toThrow(expect.objectContaining({ code: ConsentDecisionErrorCode.InvalidRequest }));
    expect(() => grantCovers(aGrant(), aRequest(overrides))).toThrow(ConsentDecisionError);
  });
});
