import { ConsentDecisionError } from './consent-decision.error';
import { decide } from './decide';
import type { Grant } from './grant';
import { DenyReason } from './deny-reason';
import { aGrant, aPatient, aRequest, CLINIC, CUSTODIAN, PATIENT } from './testing/consent.fixture';

const atCustodian = { subject: 'dr-house', organisation: CUSTODIAN, roles: ['clinician'] };

describe('decide', () => {
  describe('the patient', () => {
    it('denies an unknown patient, every category', () => {
      const decision = decide(aRequest({ categories: ['conditions', 'billing'] }), undefined, [aGrant()]);
      expect(decision).toMatchObject({ effect: 'deny', reason: DenyReason.PatientUnknown, permitted: [], denied: ['conditions', 'billing'] });
    });

    it('denies an erased patient, even the custodian and a grant', () => {
      expect(decide(aRequest(), aPatient({ erased: true }), [aGrant()])).toMatchObject({ effect: 'deny', reason: DenyReason.PatientErased });
      expect(decide(aRequest({ requester: atCustodian }), aPatient({ erased: true }), [])).toMatchObject({ reason: DenyReason.PatientErased });
    });

    it('refuses a patient context for another patient', () => {
      expect(() => decide(aRequest(), aPatient({ patientId: 'patient-2' }), [])).toThrow(ConsentDecisionError);
    });
  });

  describe('a service identity bound to the patient (an export on their request)', () => {
    const bound = { subject: 'carechain-audit', organisation: CUSTODIAN, roles: ['service'], purposes: ['PATRQT'], patient: PATIENT };

    it('reads as the patient, for PATRQT only', () => {
      expect(decide(aRequest({ requester: bound, purpose: 'PATRQT', categories: ['conditions', 'billing'] }), aPatient(), [])).toMatchObject({
        effect: 'permit',
        basis: 'patient',
        permitted: ['conditions', 'billing'],
      });
      expect(decide(aRequest({ requester: bound, purpose: 'TREAT' }), aPatient(), [aGrant()])).toMatchObject({
        effect: 'deny',
        reason: DenyReason.OwnRecordsPurpose,
      });
    });

    it('reads nothing of another patient, whatever its organisation or their grants', () => {
      const other = { ...bound, patient: 'patient-9' };
      expect(decide(aRequest({ requester: other, purpose: 'PATRQT' }), aPatient(), [aGrant()])).toMatchObject({
        effect: 'deny',
        reason: DenyReason.NotOwnRecords,
      });
    });
  });

  describe("the patient's own records", () => {
    const self = { subject: PATIENT, organisation: CUSTODIAN, roles: ['patient'] };

    it('permits the patient every category for PATRQT, without a grant', () => {
      const decision = decide(aRequest({ requester: self, purpose: 'PATRQT', categories: ['conditions', 'billing'] }), aPatient(), []);
      expect(decision).toEqual({ effect: 'permit', basis: 'patient', permitted: ['conditions', 'billing'], denied: [], grantIds: [], breakGlass: false });
    });

    it('permits a patient record merged into this one: the same person', () => {
      const merged = { ...self, subject: 'patient-0' };
      expect(decide(aRequest({ requester: merged, purpose: 'PATRQT' }), aPatient({ aliases: ['patient-0'] }), [])).toMatchObject({
        effect: 'permit',
        basis: 'patient',
      });
      expect(decide(aRequest({ requester: merged, purpose: 'PATRQT' }), aPatient(), [])).toMatchObject({ effect: 'deny', reason: DenyReason.NotOwnRecords });
    });

    it("denies a patient another patient's records, even at that patient's custodian for treatment, with a grant or breaking the glass", () => {
      const other = { ...self, subject: 'patient-2' };
      const grant = aGrant({ grantee: { organisation: CUSTODIAN } });
      expect(decide(aRequest({ requester: other, purpose: 'PATRQT' }), aPatient(), [grant])).toMatchObject({
        effect: 'deny',
        reason: DenyReason.NotOwnRecords,
        permitted: [],
      });
      expect(decide(aRequest({ requester: other }), aPatient(), [grant])).toMatchObject({ effect: 'deny', reason: DenyReason.NotOwnRecords });
      const glass = aRequest({ requester: { ...other, roles: ['patient', 'clinician'] }, breakGlass: { reason: 'unconscious on arrival' } });
      expect(decide(glass, aPatient(), [])).toMatchObject({ effect: 'deny', reason: DenyReason.NotOwnRecords, breakGlass: false });
    });

    it('denies the patient under any other purpose, and an erased patient altogether', () => {
      expect(decide(aRequest({ requester: self, purpose: 'TREAT' }), aPatient(), [])).toMatchObject({ effect: 'deny', reason: DenyReason.OwnRecordsPurpose });
      expect(decide(aRequest({ requester: self, purpose: 'PATRQT' }), aPatient({ erased: true }), [])).toMatchObject({
        effect: 'deny',
        reason: DenyReason.PatientErased,
      });
    });
  });

  describe('the custodian', () => {
    it.each(['TREAT', 'ETREAT'] as const)('reads every category for %s without a grant', (purpose) => {
      const decision = decide(aRequest({ requester: atCustodian, purpose, categories: ['conditions', 'billing'] }), aPatient(), []);
      expect(decision).toEqual({ effect: 'permit', basis: 'custodian', permitted: ['conditions', 'billing'], denied: [], grantIds: [], breakGlass: false });
    });

    it.each(['HPAYMT', 'HOPERAT', 'HRESCH', 'PATRQT', 'PUBHLTH'] as const)(
      'gives a clinician nothing for %s, which the role does not carry, grant or no grant',
      (purpose) => {
        const grant = aGrant({ grantee: { organisation: CUSTODIAN }, purposes: [purpose] });
        expect(decide(aRequest({ requester: atCustodian, purpose }), aPatient(), [grant])).toMatchObject({
          effect: 'deny',
          reason: DenyReason.PurposeNotForRole,
          permitted: [],
        });
      },
    );

    it.each(['payer', 'auditor', 'privacy-officer', 'service', 'registrar', 'data-steward', 'admin'])(
      'does not let a %s of the custodian read clinical records for treatment',
      (role) => {
        const decision = decide(aRequest({ requester: { ...atCustodian, roles: [role] }, purpose: 'TREAT' }), aPatient(), []);
        expect(decision).toMatchObject({ effect: 'deny', reason: DenyReason.PurposeNotForRole, permitted: [] });
      },
    );

    it('lets a service identity read only for the purposes its deployment granted it, and only with a grant', () => {
      const service = { subject: 'svc-analytics', organisation: CLINIC, roles: ['service'] };
      const grant = aGrant({ purposes: ['PUBHLTH'] });
      expect(decide(aRequest({ requester: service, purpose: 'PUBHLTH' }), aPatient(), [grant])).toMatchObject({
        effect: 'deny',
        reason: DenyReason.PurposeNotForRole,
      });
      const granted = { ...service, purposes: ['PUBHLTH'] };
      expect(decide(aRequest({ requester: granted, purpose: 'PUBHLTH' }), aPatient(), [grant])).toMatchObject({ effect: 'permit', basis: 'grant' });
      expect(decide(aRequest({ requester: granted, purpose: 'TREAT' }), aPatient(), [aGrant()])).toMatchObject({
        effect: 'deny',
        reason: DenyReason.PurposeNotForRole,
      });
      // Purposes in a clinician's token are not the clinician's to claim: roles carry theirs.
      const clinician = { subject: 'dr', organisation: CLINIC, roles: ['clinician'], purposes: ['PUBHLTH'] };
      expect(decide(aRequest({ requester: clinician, purpose: 'PUBHLTH' }), aPatient(), [grant])).toMatchObject({
        effect: 'deny',
        reason: DenyReason.PurposeNotForRole,
      });
    });

    it('lets a payer read for payment what a claim addressed to it bills for, and for nothing else', () => {
      const payer = { subject: 'claims-1', organisation: 'insurer-c', roles: ['payer'] };
      const request = aRequest({ requester: payer, purpose: 'HPAYMT', categories: ['encounters'] });
      expect(decide(request, aPatient(), [])).toMatchObject({ effect: 'deny', reason: DenyReason.NoGrant });
      expect(decide({ ...request, claimIds: ['claim-7'] }, aPatient(), [])).toEqual({
        effect: 'permit',
        basis: 'claim',
        claimId: 'claim-7',
        permitted: ['encounters'],
        denied: [],
        grantIds: [],
        breakGlass: false,
      });
      // A claim discloses for payment only, and only to a role that may read for payment.
      expect(decide({ ...request, purpose: 'TREAT', claimIds: ['claim-7'] }, aPatient(), [])).toMatchObject({
        effect: 'deny',
        reason: DenyReason.PurposeNotForRole,
      });
      const clinician = { subject: 'dr', organisation: 'insurer-c', roles: ['clinician'] };
      expect(decide({ ...request, requester: clinician, claimIds: ['claim-7'] }, aPatient(), [])).toMatchObject({
        effect: 'deny',
        reason: DenyReason.PurposeNotForRole,
      });
    });

    it('lets its payer read for payment only what a grant for payment discloses', () => {
      const payer = { subject: 'claims-1', organisation: CUSTODIAN, roles: ['payer'] };
      const request = aRequest({ requester: payer, purpose: 'HPAYMT', categories: ['billing'] });
      expect(decide(request, aPatient(), [])).toMatchObject({ effect: 'deny', reason: DenyReason.NoGrant });
      const grant = aGrant({ grantee: { organisation: CUSTODIAN }, purposes: ['HPAYMT'], categories: ['billing'] });
      expect(decide(request, aPatient(), [grant])).toMatchObject({ effect: 'permit', basis: 'grant', grantId: 'grant-1' });
    });

    it.each(['registrar', 'data-steward', 'admin'])('lets a %s read demographics for operations, and no clinical category', (role) => {
      const desk = { subject: 'desk-1', organisation: CUSTODIAN, roles: [role] };
      expect(decide(aRequest({ requester: desk, purpose: 'HOPERAT', categories: ['demographics'] }), aPatient(), [])).toMatchObject({
        effect: 'permit',
        basis: 'custodian',
        permitted: ['demographics'],
      });
      const mixed = decide(aRequest({ requester: desk, purpose: 'HOPERAT', categories: ['demographics', 'conditions'] }), aPatient(), []);
      expect(mixed).toMatchObject({ effect: 'deny', reason: DenyReason.NoGrant, permitted: ['demographics'], denied: ['conditions'] });
    });

    it('gives the desk of another organisation no demographics without a grant for them', () => {
      const desk = { subject: 'desk-2', organisation: CLINIC, roles: ['registrar'] };
      const request = aRequest({ requester: desk, purpose: 'HOPERAT', categories: ['demographics'] });
      expect(decide(request, aPatient(), [])).toMatchObject({ effect: 'deny', reason: DenyReason.NoGrant });
      const grant = aGrant({ purposes: ['HOPERAT'], categories: ['demographics'] });
      expect(decide(request, aPatient(), [grant])).toMatchObject({ effect: 'permit', basis: 'grant', grantId: 'grant-1', permitted: ['demographics'] });
    });
  });

  describe('grants', () => {
    it('permits with the grant that covers the request', () => {
      const decision = decide(aRequest({ categories: ['medications', 'conditions'] }), aPatient(), [aGrant()]);
      expect(decision).toEqual({
        effect: 'permit',
        basis: 'grant',
        grantId: 'grant-1',
        grantIds: ['grant-1'],
        permitted: ['medications', 'conditions'],
        denied: [],
        breakGlass: false,
      });
    });

    it('denies without any grant', () => {
      expect(decide(aRequest(), aPatient(), [])).toMatchObject({ effect: 'deny', reason: DenyReason.NoGrant, denied: ['conditions'] });
    });

    it("denies with another organisation's grant", () => {
      expect(decide(aRequest(), aPatient(), [aGrant({ grantee: { organisation: 'org-other' } })])).toMatchObject({ reason: DenyReason.NoGrant });
    });

    it('counts the grant of a patient merged into this one (the same person), and only then', () => {
      const theirs = aGrant({ patientId: 'patient-0' });
      expect(decide(aRequest(), aPatient({ aliases: ['patient-0'] }), [theirs])).toMatchObject({ effect: 'permit', basis: 'grant', grantId: 'grant-1' });
      expect(decide(aRequest(), aPatient(), [theirs])).toMatchObject({ effect: 'deny', reason: DenyReason.NoGrant });
    });

    it("ignores another patient's grant handed over by mistake", () => {
      expect(decide(aRequest(), aPatient(), [aGrant({ patientId: 'patient-2' })])).toMatchObject({ effect: 'deny', reason: DenyReason.NoGrant });
    });

    it('permits only the named practitioner of a practitioner-scoped grant', () => {
      const grants = [aGrant({ grantee: { organisation: CLINIC, practitioner: 'dr-who' } })];
      expect(decide(aRequest(), aPatient(), grants)).toMatchObject({ effect: 'permit', grantId: 'grant-1' });
      const colleague = aRequest({ requester: { subject: 'dr-no', organisation: CLINIC, roles: ['clinician'] } });
      expect(decide(colleague, aPatient(), grants)).toMatchObject({ effect: 'deny', reason: DenyReason.PractitionerMismatch });
    });

    it('denies a purpose the grant does not name', () => {
      expect(decide(aRequest({ purpose: 'ETREAT' }), aPatient(), [aGrant()])).toMatchObject({ effect: 'deny', reason: DenyReason.PurposeNotGranted });
    });

    it('permits per category: the granted subset is listed, the effect is deny', () => {
      const decision = decide(aRequest({ categories: ['conditions', 'billing', 'medications'] }), aPatient(), [aGrant()]);
      expect(decision).toMatchObject({
        effect: 'deny',
        reason: DenyReason.CategoryNotGranted,
        permitted: ['conditions', 'medications'],
        denied: ['billing'],
        grantIds: ['grant-1'],
      });
    });

    it('adds grants up: categories granted separately are permitted together', () => {
      const grants = [
        aGrant({ grantId: 'g-cond', categories: ['conditions'] }),
        aGrant({ grantId: 'g-bill', categories: ['billing'], validFrom: '2025-02-01T00:00:00Z' }),
      ];
      const decision = decide(aRequest({ categories: ['conditions', 'billing'] }), aPatient(), grants);
      expect(decision).toMatchObject({
        effect: 'permit',
        basis: 'grant',
        grantId: 'g-bill',
        grantIds: ['g-bill', 'g-cond'],
        permitted: ['conditions', 'billing'],
      });
    });

    it('decides duplicated categories once', () => {
      expect(decide(aRequest({ categories: ['conditions', 'conditions', 'billing'] }), aPatient(), [aGrant()])).toMatchObject({
        permitted: ['conditions'],
        denied: ['billing'],
      });
    });

    it('validity: inclusive from, exclusive until', () => {
      const grants = [aGrant()];
      const at = (iso: string) => decide(aRequest({ at: new Date(iso) }), aPatient(), grants);
      expect(at('2024-12-31T23:59:59.999Z')).toMatchObject({ effect: 'deny', reason: DenyReason.GrantNotYetValid });
      expect(at('2025-01-01T00:00:00.000Z')).toMatchObject({ effect: 'permit' });
      expect(at('2025-12-31T23:59:59.999Z')).toMatchObject({ effect: 'permit' });
      expect(at('2026-01-01T00:00:00.000Z')).toMatchObject({ effect: 'deny', reason: DenyReason.GrantExpired });
    });

    it('denies a revoked grant, and an expired one, inside their period', () => {
      expect(decide(aRequest(), aPatient(), [aGrant({ status: 'revoked', revokedAt: '2025-05-01T00:00:00Z' })])).toMatchObject({
        effect: 'deny',
        reason: DenyReason.GrantRevoked,
      });
      expect(decide(aRequest(), aPatient(), [aGrant({ status: 'expired', expiredAt: '2025-05-01T00:00:00Z' })])).toMatchObject({
        effect: 'deny',
        reason: DenyReason.GrantExpired,
      });
    });

    it('reports the closest miss among several grants', () => {
      const grants = [
        aGrant({ grantId: 'g-other', grantee: { organisation: 'org-other' } }),
        aGrant({ grantId: 'g-research', purposes: ['HRESCH'] }),
        aGrant({ grantId: 'g-old', validUntil: '2025-03-01T00:00:00Z' }),
      ];
      expect(decide(aRequest(), aPatient(), grants)).toMatchObject({ effect: 'deny', reason: DenyReason.GrantExpired });
      expect(decide(aRequest(), aPatient(), grants.slice(0, 2))).toMatchObject({ reason: DenyReason.PurposeNotGranted });
    });

    it('chooses the same grant whatever the order: latest validFrom, then smallest grantId', () => {
      const grants = [
        aGrant({ grantId: 'g-b', validFrom: '2025-03-01T00:00:00Z' }),
        aGrant({ grantId: 'g-a', validFrom: '2025-03-01T00:00:00Z' }),
        aGrant({ grantId: 'g-0', validFrom: '2025-01-01T00:00:00Z' }),
        aGrant({ grantId: 'g-future', validFrom: '2025-09-01T00:00:00Z' }),
      ];
      for (const order of [grants, [...grants].reverse(), [grants[2], grants[0], grants[3], grants[1]]]) {
        expect(decide(aRequest(), aPatient(), order)).toMatchObject({ effect: 'permit', grantId: 'g-a', grantIds: ['g-a'] });
      }
    });

    it('prefers one grant covering everything over the most preferred grant of each category', () => {
      const grants = [
        aGrant({ grantId: 'g-new', categories: ['conditions'], validFrom: '2025-05-01T00:00:00Z' }),
        aGrant({ grantId: 'g-both', categories: ['conditions', 'billing'] }),
      ];
      expect(decide(aRequest({ categories: ['conditions', 'billing'] }), aPatient(), grants)).toMatchObject({ effect: 'permit', grantIds: ['g-both'] });
    });
  });

  it('decides a grant not from a GrantBook afresh on each call, so mutating it takes effect', () => {
    const grant: { -readonly [K in keyof Grant]: Grant[K] } = { ...aGrant(), categories: ['billing'] };
    expect(decide(aRequest(), aPatient(), [grant])).toMatchObject({ effect: 'deny', reason: DenyReason.CategoryNotGranted });
    grant.categories = ['billing', 'conditions'];
    expect(decide(aRequest(), aPatient(), [grant])).toMatchObject({ effect: 'permit', grantId: 'grant-1' });
  });

  it('refuses a malformed grant rather than guessing', () => {
    expect(() => decide(aRequest(), aPatient(), [aGrant({ validFrom: 'soon' })])).toThrow(ConsentDecisionError);
  });

  it('puts no PHI and no free text from the request in the decision', () => {
    const reason = 'Patient PATIENT-NAME collapsed in the waiting room';
    const request = aRequest({ requester: { subject: 'dr-who', organisation: 'org-x', roles: ['clinician'] }, breakGlass: { reason } });
    for (const decision of [decide(request, aPatient(), []), decide({ ...request, requester: { ...request.requester, roles: [] } }, aPatient(), [])]) {
      const json = JSON.stringify(decision);
      expect(json).not.toContain('PATIENT-NAME');
      expect(json).not.toContain(PATIENT);
      expect(Object.keys(decision).sort()).toEqual(
        decision.effect === 'permit'
          ? ['basis', 'breakGlass', 'denied', 'effect', 'grantIds', 'permitted']
          : ['breakGlass', 'denied', 'effect', 'grantIds', 'message', 'permitted', 'reason'],
      );
    }
  });
});
