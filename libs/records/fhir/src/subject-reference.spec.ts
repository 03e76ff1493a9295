import type { FhirResource } from './resource-schemas';
import { subjectReferenceOf } from './subject-reference';
import { EXAMPLES } from './testing/examples';
import { SUPPORTED_RESOURCE_TYPES } from './record-category';
import { validateResource } from './validate-resource';

function resource(json: Record<string, unknown>): FhirResource {
  const result = validateResource(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.resource;
}

describe('subjectReferenceOf', () => {
  it.each(SUPPORTED_RESOURCE_TYPES)('finds the patient of the full %s example', (type) => {
    expect(subjectReferenceOf(resource(EXAMPLES[type].full()))).toBe('Patient/p-123');
  });

  it('reads AllergyIntolerance.patient', () => {
    expect(subjectReferenceOf(resource({ ...EXAMPLES.AllergyIntolerance.minimal(), patient: { reference: 'Patient/p-9' } }))).toBe('Patient/p-9');
  });

  it('finds the patient among the Appointment participants, wherever it is', () => {
    const participant = [
      { actor: { reference: 'Practitioner/pr-9' }, status: 'accepted' },
      { actor: { reference: 'https://fhir.hospital-a.example/Patient/p-7' }, status: 'accepted' },
    ];
    expect(subjectReferenceOf(resource({ ...EXAMPLES.Appointment.minimal(), participant }))).toBe('https://fhir.hospital-a.example/Patient/p-7');
    const typed = [{ actor: { reference: 'urn:uuid:0f4a5bde-8d3c-4f5e-9a51-6a1e0f4a5bde', type: 'Patient' }, status: 'accepted' }];
    expect(subjectReferenceOf(resource({ ...EXAMPLES.Appointment.minimal(), participant: typed }))).toBe('urn:uuid:0f4a5bde-8d3c-4f5e-9a51-6a1e0f4a5bde');
  });

  it('gives the subject as written, even when it is a Group', () => {
    expect(subjectReferenceOf(resource({ ...EXAMPLES.Condition.minimal(), subject: { reference: 'Group/ward-3' } }))).toBe('Group/ward-3');
  });

  it('gives undefined when there is no literal patient reference', () => {
    expect(subjectReferenceOf(resource(EXAMPLES.Observation.minimal()))).toBeUndefined();
    expect(subjectReferenceOf(resource(EXAMPLES.Encounter.minimal()))).toBeUndefined();
    expect(subjectReferenceOf(resource(EXAMPLES.Communication.minimal()))).toBeUndefined();
    const byIdentifier = { ...EXAMPLES.Condition.minimal(), subject: { identifier: { system: 'https://hospital-a.example/mrn', value: '0042' } } };
    expect(subjectReferenceOf(resource(byIdentifier))).toBeUndefined();
    const noPatient = [{ actor: { reference: 'Practitioner/pr-9' }, status: 'accepted' }];
    expect(subjectReferenceOf(resource({ ...EXAMPLES.Appointment.minimal(), participant: noPatient }))).toBeUndefined();
  });
});
