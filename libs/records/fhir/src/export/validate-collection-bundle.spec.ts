import { minimalCondition } from '../testing/clinical.examples';
import { minimalCoverage } from '../testing/financial.examples';
import { validateCollectionBundle } from './validate-collection-bundle';

const patient = { resourceType: 'Patient', id: 'p-1', name: [{ family: 'Lovelace', given: ['Ada'] }], gender: 'female', birthDate: '1815-12-10' };
const consent = {
  resourceType: 'Consent',
  id: 'g-1',
  status: 'active',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
  category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
  patient: { reference: 'Patient/p-1' },
  provision: {
    type: 'permit',
    period: { start: '2026-01-01T00:00:00Z' },
    purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }],
  },
};
const bundle = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });

describe('validateCollectionBundle', () => {
  it('checks every entry by its type and counts them', () => {
    expect(validateCollectionBundle(bundle(patient, consent, minimalCondition(), minimalCoverage()))).toEqual({
      ok: true,
      counts: { Patient: 1, Consent: 1, Condition: 1, Coverage: 1 },
    });
  });

  it('reports each bad entry at its place, and a type it has no schema for', () => {
    const result = validateCollectionBundle(bundle(patient, { ...patient, gender: 'robot' }, { ...consent, status: undefined }, { resourceType: 'Basic' }));
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((i) => [i.path.replace(/^(entry\[\d+\]\.resource).*/, '$1'), i.code]);
    expect(paths).toEqual([
      ['entry[1].resource', 'code-invalid'],
      ['entry[2].resource', 'required'],
      ['entry[3].resource', 'not-supported'],
    ]);
  });

  it('refuses what is not a collection Bundle', () => {
    expect(validateCollectionBundle({ resourceType: 'Bundle', type: 'searchset', entry: [] }).ok).toBe(false);
    expect(validateCollectionBundle([]).ok).toBe(false);
  });
});
