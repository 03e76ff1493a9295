import { problemsOf, schemaProblems } from '../testing/issues';
import { fullAllergyIntolerance, minimalCondition, minimalObservation } from '../testing/clinical.examples';
import './extension.schema';
import { Identifier, Reference, referenceTo } from './reference.schema';

describe('Reference and Identifier', () => {
  it('nest into each other (Identifier.assigner, Reference.identifier)', () => {
    const reference = {
      identifier: { system: 'https://hospital-a.example/mrn', value: '0042', assigner: { display: 'Hospital A', identifier: { value: 'HA' } } },
    };
    expect(schemaProblems(Reference, reference)).toEqual([]);
    expect(schemaProblems(Identifier, { value: '0042', assigner: { identifier: { use: 'primary' } } })).toEqual([
      ['T.assigner.identifier.use', 'code-invalid'],
    ]);
  });

  it('ref-1: refuses local references, since contained resources are refused', () => {
    expect(schemaProblems(Reference, { reference: '#pr-1' })).toEqual([['T', 'invariant']]);
  });
});

describe('referenceTo', () => {
  const PatientOrGroup = referenceTo('Patient', 'Group');

  it.each([
    'Patient/p-123',
    'Group/g-1',
    'https://fhir.hospital-a.example/Patient/p-123',
    'Patient/p-123/_history/4',
    'urn:uuid:0f4a5bde-8d3c-4f5e-9a51-6a1e0f4a5bde',
  ])('accepts %s', (reference) => expect(schemaProblems(PatientOrGroup, { reference })).toEqual([]));

  it('refuses a literal reference or a type outside the targets', () => {
    expect(schemaProblems(PatientOrGroup, { reference: 'Practitioner/pr-9' })).toEqual([['T.reference', 'value']]);
    expect(schemaProblems(PatientOrGroup, { reference: 'https://x.example/fhir/Practitioner/pr-9', type: 'Practitioner' })).toEqual([
      ['T.reference', 'value'],
      ['T.type', 'value'],
    ]);
  });

  it('guards the patient references of the resources', () => {
    expect(problemsOf({ ...minimalCondition(), subject: { reference: 'Practitioner/pr-9' } })).toEqual([['Condition.subject.reference', 'value']]);
    expect(problemsOf({ ...fullAllergyIntolerance(), patient: { reference: 'Group/g-1' } })).toEqual([['AllergyIntolerance.patient.reference', 'value']]);
    expect(problemsOf({ ...minimalObservation(), subject: { reference: 'Device/glucometer-1' } })).toEqual([]);
  });
});
