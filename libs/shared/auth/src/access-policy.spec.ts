import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_POLICY, isPermitted, relationshipOf, renderAccessPolicy, rolesFor } from './access-policy';

const patient = { patientId: 'p-1', custodian: 'hospital-a', aliases: ['p-0'], related: (org: string) => org === 'clinic-b' };

describe('relationshipOf', () => {
  it('is self for the patient’s own token, under their id or a merged one, and other for another patient', () => {
    expect(relationshipOf({ subject: 'p-1', organisation: 'hospital-a', roles: ['patient'] }, patient)).toBe('self');
    expect(relationshipOf({ subject: 'p-0', organisation: 'anywhere', roles: ['patient'] }, patient)).toBe('self');
    expect(relationshipOf({ subject: 'p-2', organisation: 'hospital-a', roles: ['patient', 'clinician'] }, patient)).toBe('other');
  });

  it('is custodian, related or other for staff, by organisation', () => {
    expect(relationshipOf({ subject: 'dr', organisation: 'hospital-a', roles: ['clinician'] }, patient)).toBe('custodian');
    expect(relationshipOf({ subject: 'dr', organisation: 'clinic-b', roles: ['clinician'] }, patient)).toBe('related');
    expect(relationshipOf({ subject: 'dr', organisation: 'clinic-c', roles: ['clinician'] }, patient)).toBe('other');
  });
});

describe('isPermitted', () => {
  it('keeps administration of a patient with their custodian', () => {
    expect(isPermitted('identity.patient.erase', ['privacy-officer'], 'custodian')).toBe(true);
    expect(isPermitted('identity.patient.erase', ['privacy-officer'], 'related')).toBe(false);
    expect(isPermitted('identity.patient.erase', ['privacy-officer'], 'other')).toBe(false);
    expect(isPermitted('identity.keys.rotate', ['admin'], 'other')).toBe(false);
    expect(isPermitted('identity.merge', ['data-steward'], 'other')).toBe(false);
  });

  it('lets only the patient register a signing key', () => {
    expect(isPermitted('identity.signing-key.register', ['patient'], 'self')).toBe(true);
    for (const role of ['registrar', 'admin', 'clinician'] as const) expect(isPermitted('identity.signing-key.register', [role], 'custodian')).toBe(false);
  });

  it('never lets a patient token act on another patient, nor count its staff roles', () => {
    expect(isPermitted('audit.trail.read', ['patient'], 'other')).toBe(false);
    expect(isPermitted('identity.patient.read', ['patient', 'registrar'], 'other')).toBe(false);
    expect(isPermitted('identity.patient.erase', ['patient', 'privacy-officer'], 'self')).toBe(false);
  });

  it('never lets staff act as the patient', () => {
    expect(isPermitted('consent.grant', ['registrar'], 'self')).toBe(false);
  });

  it('scopes the consents list to the custodian’s oversight', () => {
    expect(isPermitted('consent.list', ['auditor'], 'custodian')).toBe(true);
    expect(isPermitted('consent.list', ['auditor'], 'other')).toBe(false);
    expect(isPermitted('consent.list', ['admin'], 'related')).toBe(false);
  });
});

describe('ACCESS_POLICY', () => {
  it('names, for every operation, a route, at least one role and one relationship', () => {
    for (const [operation, rule] of Object.entries(ACCESS_POLICY)) {
      expect([operation, rule.route.length > 0, rule.roles.length > 0, rule.relationships.length > 0]).toEqual([operation, true, true, true]);
      const bound = 'boundService' in rule && !(rule.roles as readonly string[]).includes('service') ? ['service'] : [];
      expect(rolesFor(operation as keyof typeof ACCESS_POLICY)).toEqual([...rule.roles, ...bound]);
    }
  });

  it('is the table the README shows', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    expect(readme).toContain(renderAccessPolicy());
  });
});
