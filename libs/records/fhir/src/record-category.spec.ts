import { RECORD_CATEGORIES } from '@carechain/contracts';
import { FhirErrorCode } from './fhir.error';
import { categoryOf, isSupportedResourceType, resourceTypesOf, SUPPORTED_RESOURCE_TYPES, type SupportedResourceType } from './record-category';

describe('record categories', () => {
  it.each([
    ['Condition', 'conditions'],
    ['AllergyIntolerance', 'allergies'],
    ['MedicationStatement', 'medications'],
    ['Observation', 'observations'],
    ['Encounter', 'encounters'],
    ['Appointment', 'appointments'],
    ['Communication', 'communications'],
    ['ChargeItem', 'billing'],
  ] as const)('%s is in %s', (type, category) => {
    expect(categoryOf(type)).toBe(category);
    expect(resourceTypesOf(category)).toContain(type);
  });

  it('covers every consent category and gives every type exactly one', () => {
    for (const category of RECORD_CATEGORIES) expect(resourceTypesOf(category).length).toBeGreaterThan(0);
    const covered = RECORD_CATEGORIES.flatMap((category) => resourceTypesOf(category));
    expect([...covered].sort()).toEqual([...SUPPORTED_RESOURCE_TYPES].sort());
  });

  it('recognises only the supported types, case-sensitively and without inherited names', () => {
    expect(isSupportedResourceType('Observation')).toBe(true);
    for (const value of ['observation', 'Patient', 'toString', 'constructor', 42, undefined]) expect(isSupportedResourceType(value)).toBe(false);
  });

  it('throws on a type it does not store', () => {
    expect(() => categoryOf('Patient' as SupportedResourceType)).toThrow(FhirErrorCode.UnsupportedResourceType);
  });
});
