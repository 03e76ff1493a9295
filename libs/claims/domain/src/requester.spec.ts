import { ClaimsError } from './claims.error';
import { assertReadsClaims, maySee, patientOf, type Requester } from './requester';
import type { StoredSubmission } from './stored-claim';

const P = '6f1c2a3e-1111-4a4a-8b8b-000000000001';
const Q = '6f1c2a3e-1111-4a4a-8b8b-000000000002';
const claimOf = (patientId: string) => ({ claimId: 'c-1', patientId, provider: 'hospital-a', insurer: 'payer-c' }) as StoredSubmission;
const bound = (patient: string): Requester => ({ subject: 'carechain-audit', organisation: 'hospital-a', roles: ['service'], patient });
const unbound: Requester = { subject: 'svc', organisation: 'hospital-a', roles: ['service'] };

describe('who a claims requester speaks for', () => {
  it("is the patient for their own token and for a service bound to them, nobody's for an unbound service or staff", () => {
    expect(patientOf({ subject: P, organisation: 'patients', roles: ['patient'] })).toBe(P);
    expect(patientOf(bound(P))).toBe(P);
    expect(patientOf(unbound)).toBeUndefined();
    expect(patientOf({ subject: 'dr', organisation: 'hospital-a', roles: ['clinician'], patient: P })).toBeUndefined();
  });

  it("lets a bound service see its patient's claims only, whatever its organisation", () => {
    expect(maySee(bound(P), claimOf(P))).toBe(true);
    expect(maySee(bound(Q), claimOf(P))).toBe(false);
    expect(maySee(unbound, claimOf(P))).toBe(false);
  });

  it('refuses an unbound service before any claim is looked up', () => {
    expect(() => assertReadsClaims(unbound)).toThrow(ClaimsError);
    expect(() => assertReadsClaims(bound(P))).not.toThrow();
  });
});
