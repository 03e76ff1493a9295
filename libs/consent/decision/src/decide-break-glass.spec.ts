import { decide } from './decide';
import { DenyReason } from './deny-reason';
import { aGrant, aPatient, aRequest, CLINIC, CUSTODIAN } from './testing/consent.fixture';

const reason = 'Unconscious patient admitted to the emergency department';
const clinician = { subject: 'dr-who', organisation: CLINIC, roles: ['clinician'] };

describe('decide with break-glass', () => {
  it('permits every requested category without a grant', () => {
    const decision = decide(
      aRequest({ requester: clinician, purpose: 'ETREAT', categories: ['conditions', 'allergies'], breakGlass: { reason } }),
      aPatient(),
      [],
    );
    expect(decision).toEqual({ effect: 'permit', basis: 'break-glass', permitted: ['conditions', 'allergies'], denied: [], grantIds: [], breakGlass: true });
  });

  it('completes a partial grant: the whole request is break-glass', () => {
    const decision = decide(aRequest({ requester: clinician, categories: ['conditions', 'allergies'], breakGlass: { reason } }), aPatient(), [aGrant()]);
    expect(decision).toMatchObject({ effect: 'permit', basis: 'break-glass', breakGlass: true, permitted: ['conditions', 'allergies'] });
  });

  it('prefers a grant that already permits: no break-glass', () => {
    const decision = decide(aRequest({ requester: clinician, breakGlass: { reason } }), aPatient(), [aGrant()]);
    expect(decision).toMatchObject({ effect: 'permit', basis: 'grant', grantId: 'grant-1', breakGlass: false });
  });

  it('prefers the custodian rule: no break-glass', () => {
    const decision = decide(aRequest({ requester: { ...clinician, organisation: CUSTODIAN }, breakGlass: { reason } }), aPatient(), []);
    expect(decision).toMatchObject({ effect: 'permit', basis: 'custodian', breakGlass: false });
  });

  it('is refused without the clinician role, still listing what grants permit', () => {
    const decision = decide(
      aRequest({ requester: { ...clinician, roles: ['practitioner'] }, categories: ['conditions', 'allergies'], breakGlass: { reason } }),
      aPatient(),
      [aGrant()],
    );
    expect(decision).toMatchObject({
      effect: 'deny',
      reason: DenyReason.BreakGlassNotAllowed,
      permitted: ['conditions'],
      denied: ['allergies'],
      breakGlass: false,
    });
  });

  it.each(['', 'urgent', 'x'.repeat(501)])('is refused with a reason of %#', (short) => {
    expect(decide(aRequest({ requester: clinician, breakGlass: { reason: short } }), aPatient(), [])).toMatchObject({
      effect: 'deny',
      reason: DenyReason.BreakGlassNotAllowed,
    });
  });

  it('is refused for payment, even to a clinician whose other role may read for it', () => {
    const both = { ...clinician, roles: ['clinician', 'payer'] };
    expect(decide(aRequest({ requester: both, purpose: 'HPAYMT', breakGlass: { reason } }), aPatient(), [])).toMatchObject({
      effect: 'deny',
      reason: DenyReason.BreakGlassNotAllowed,
    });
  });

  it.each(['HPAYMT', 'HRESCH', 'PUBHLTH'] as const)('is refused for %s to a clinician, whose role carries no such purpose', (purpose) => {
    expect(decide(aRequest({ requester: clinician, purpose, breakGlass: { reason } }), aPatient(), [])).toMatchObject({
      effect: 'deny',
      reason: DenyReason.PurposeNotForRole,
    });
  });

  it('cannot reach an unknown or erased patient', () => {
    const request = aRequest({ requester: clinician, breakGlass: { reason } });
    expect(decide(request, undefined, [])).toMatchObject({ effect: 'deny', reason: DenyReason.PatientUnknown });
    expect(decide(request, aPatient({ erased: true }), [])).toMatchObject({ effect: 'deny', reason: DenyReason.PatientErased });
  });
});
