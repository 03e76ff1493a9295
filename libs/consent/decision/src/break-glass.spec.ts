import { isBreakGlassAllowed } from './break-glass';
import { aRequest, CLINIC } from './testing/consent.fixture';

const clinician = { subject: 'dr-who', organisation: CLINIC, roles: ['nurse', 'clinician'] };
const reason = 'Unconscious patient admitted to the emergency department';

describe('isBreakGlassAllowed', () => {
  it('allows a clinician with a reason, for TREAT and ETREAT', () => {
    expect(isBreakGlassAllowed(aRequest({ requester: clinician, purpose: 'TREAT', breakGlass: { reason } }))).toBe(true);
    expect(isBreakGlassAllowed(aRequest({ requester: clinician, purpose: 'ETREAT', breakGlass: { reason } }))).toBe(true);
  });

  it('refuses without break-glass', () => {
    expect(isBreakGlassAllowed(aRequest({ requester: clinician }))).toBe(false);
  });

  it('refuses a requester without the clinician role', () => {
    expect(isBreakGlassAllowed(aRequest({ requester: { ...clinician, roles: ['nurse', 'Clinician'] }, breakGlass: { reason } }))).toBe(false);
  });

  it.each(['HPAYMT', 'HOPERAT', 'HRESCH', 'PATRQT', 'PUBHLTH'] as const)('refuses purpose %s', (purpose) => {
    expect(isBreakGlassAllowed(aRequest({ requester: clinician, purpose, breakGlass: { reason } }))).toBe(false);
  });

  it('needs 10 to 500 characters, not counting surrounding whitespace', () => {
    const withReason = (r: string) => isBreakGlassAllowed(aRequest({ requester: clinician, breakGlass: { reason: r } }));
    expect(withReason('')).toBe(false);
    expect(withReason('123456789')).toBe(false);
    expect(withReason('   123456789   ')).toBe(false);
    expect(withReason('1234567890')).toBe(true);
    expect(withReason('x'.repeat(500))).toBe(true);
    expect(withReason('x'.repeat(501))).toBe(false);
  });

  it('counts characters, not UTF-16 units', () => {
    const withReason = (r: string) => isBreakGlassAllowed(aRequest({ requester: clinician, breakGlass: { reason: r } }));
    expect(withReason('🚑'.repeat(500))).toBe(true);
    expect(withReason('🚑'.repeat(501))).toBe(false);
    expect(withReason('🚑'.repeat(9))).toBe(false);
  });
});
