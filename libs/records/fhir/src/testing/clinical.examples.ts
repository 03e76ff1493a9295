// Realistic R4 examples of the clinical resources, full and minimal. Each call
// returns a fresh object, so a spec may break it freely.
import { ALLERGY_CLINICAL, ALLERGY_VERIFICATION, CONDITION_CLINICAL, CONDITION_VERIFICATION, LOINC, RXNORM, SNOMED, UCUM, XHTML } from './codes';

export const fullCondition = () => ({
  resourceType: 'Condition',
  id: 'cond-1',
  meta: { versionId: '1', lastUpdated: '2024-03-01T10:15:00Z' },
  text: { status: 'generated', div: XHTML('Type 2 diabetes mellitus, active') },
  clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] },
  verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item', display: 'Problem List Item' }] }],
  severity: { coding: [{ system: SNOMED, code: '6736007', display: 'Moderate' }] },
  code: { coding: [{ system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2' }], text: 'Type 2 diabetes' },
  subject: { reference: 'Patient/p-123', display: 'Ana Ruiz' },
  encounter: { reference: 'Encounter/enc-1' },
  onsetDateTime: '2019-06-14',
  recordedDate: '2019-06-20T09:30:00+02:00',
  recorder: { reference: 'Practitioner/pr-9' },
  stage: [{ summary: { text: 'uncomplicated' } }],
  evidence: [{ code: [{ coding: [{ system: LOINC, code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }] }] }],
  note: [{ authorReference: { reference: 'Practitioner/pr-9' }, time: '2019-06-20', text: 'HbA1c **8.1 %** at diagnosis' }],
});

export const minimalCondition = () => ({ resourceType: 'Condition', subject: { reference: 'Patient/p-123' } });

export const fullAllergyIntolerance = () => ({
  resourceType: 'AllergyIntolerance',
  id: 'allergy-1',
  identifier: [{ use: 'official', system: 'https://hospital-a.example/allergies', value: 'A-5531' }],
  clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: 'active', display: 'Active' }] },
  verificationStatus: { coding: [{ system: ALLERGY_VERIFICATION, code: 'confirmed' }] },
  type: 'allergy',
  category: ['medication'],
  criticality: 'high',
  code: { coding: [{ system: SNOMED, code: '91936005', display: 'Allergy to penicillin' }] },
  patient: { reference: 'Patient/p-123' },
  onsetAge: { value: 12, unit: 'years', system: UCUM, code: 'a' },
  recordedDate: '2021-02-03T14:00:00Z',
  asserter: { reference: 'Patient/p-123' },
  lastOccurrence: '2020-11',
  reaction: [
    {
      substance: { coding: [{ system: RXNORM, code: '7980', display: 'Penicillin G' }] },
      manifestation: [{ coding: [{ system: SNOMED, code: '126485001', display: 'Urticaria' }] }],
      severity: 'moderate',
      exposureRoute: { coding: [{ system: SNOMED, code: '26643006', display: 'Oral route' }] },
    },
  ],
});

export const minimalAllergyIntolerance = () => ({
  resourceType: 'AllergyIntolerance',
  clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: 'active' }] },
  patient: { reference: 'Patient/p-123' },
});

export const fullMedicationStatement = () => ({
  resourceType: 'MedicationStatement',
  id: 'medstat-1',
  status: 'active',
  category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medication-statement-category', code: 'outpatient' }] },
  medicationCodeableConcept: { coding: [{ system: RXNORM, code: '861007', display: 'metformin hydrochloride 500 MG Oral Tablet' }] },
  subject: { reference: 'Patient/p-123' },
  context: { reference: 'Encounter/enc-1' },
  effectivePeriod: { start: '2019-06-20' },
  dateAsserted: '2024-03-01T10:00:00+01:00',
  informationSource: { reference: 'Practitioner/pr-9' },
  reasonCode: [{ coding: [{ system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2' }] }],
  dosage: [
    {
      sequence: 1,
      text: '500 mg twice daily with meals',
      timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd', when: ['CM', 'CV'] } },
      asNeededBoolean: false,
      route: { coding: [{ system: SNOMED, code: '26643006', display: 'Oral route' }] },
      doseAndRate: [
        {
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/dose-rate-type', code: 'ordered' }] },
          doseQuantity: { value: 500, unit: 'mg', system: UCUM, code: 'mg' },
        },
      ],
      maxDosePerPeriod: { numerator: { value: 2000, unit: 'mg', system: UCUM, code: 'mg' }, denominator: { value: 1, unit: 'day', system: UCUM, code: 'd' } },
    },
  ],
});

export const minimalMedicationStatement = () => ({
  resourceType: 'MedicationStatement',
  status: 'completed',
  medicationCodeableConcept: { text: 'amoxicillin 500 mg' },
  subject: { reference: 'Patient/p-123' },
});

const mmHg = (value: number) => ({ value, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' });

export const fullObservation = () => ({
  resourceType: 'Observation',
  id: 'bp-1',
  status: 'final',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs', display: 'Vital Signs' }] }],
  code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel with all children optional' }], text: 'Blood pressure' },
  subject: { reference: 'Patient/p-123' },
  encounter: { reference: 'Encounter/enc-1' },
  effectiveDateTime: '2024-03-01T09:45:00+01:00',
  issued: '2024-03-01T09:47:12.250+01:00',
  performer: [{ reference: 'Practitioner/pr-9' }],
  interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H', display: 'High' }] }],
  bodySite: { coding: [{ system: SNOMED, code: '368209003', display: 'Right upper arm' }] },
  component: [
    {
      code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }] },
      valueQuantity: mmHg(142),
      referenceRange: [{ low: mmHg(90), high: mmHg(129), text: 'normal' }],
    },
    { code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: mmHg(91) },
  ],
});

export const minimalObservation = () => ({
  resourceType: 'Observation',
  status: 'preliminary',
  code: { coding: [{ system: LOINC, code: '29463-7', display: 'Body weight' }] },
});
