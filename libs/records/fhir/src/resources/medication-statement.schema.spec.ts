import { fullMedicationStatement, minimalMedicationStatement } from '../testing/clinical.examples';
import { issuesOf, omit, problemsOf } from '../testing/issues';

const dosage = (patch: Record<string, unknown>) => ({ ...minimalMedicationStatement(), dosage: [patch] });

describe('MedicationStatement', () => {
  it('accepts the full and the minimal example', () => {
    expect(problemsOf(fullMedicationStatement())).toEqual([]);
    expect(problemsOf(minimalMedicationStatement())).toEqual([]);
  });

  it('requires status, medication[x] and subject', () => {
    expect(issuesOf({ resourceType: 'MedicationStatement' })).toEqual([
      { path: 'MedicationStatement.status', code: 'required', message: "missing required element 'status' (cardinality 1..1)" },
      { path: 'MedicationStatement.subject', code: 'required', message: "missing required element 'subject' (cardinality 1..1)" },
      {
        path: 'MedicationStatement.medication[x]',
        code: 'required',
        message: 'missing required element medication[x] (cardinality 1..1): one of medicationCodeableConcept, medicationReference',
      },
    ]);
  });

  it('checks the status against MedicationStatementStatus', () => {
    expect(issuesOf({ ...minimalMedicationStatement(), status: 'taking' })).toEqual([
      {
        path: 'MedicationStatement.status',
        code: 'code-invalid',
        message: '"taking" is not in the required value set (active | completed | entered-in-error | intended | stopped | on-hold | unknown | not-taken)',
      },
    ]);
  });

  it('takes the medication as a concept or a reference, not both', () => {
    const both = { ...fullMedicationStatement(), medicationReference: { reference: 'Medication/med-1' } };
    expect(issuesOf(both)).toEqual([
      {
        path: 'MedicationStatement.medication[x]',
        code: 'structure',
        message: 'medication[x] takes one type only, found medicationCodeableConcept and medicationReference',
      },
    ]);
    expect(problemsOf(omit(both, 'medicationCodeableConcept'))).toEqual([]);
  });

  it('refuses a local reference to a contained Medication (ref-1)', () => {
    const local = { ...omit(minimalMedicationStatement(), 'medicationCodeableConcept'), medicationReference: { reference: '#med-1' } };
    expect(problemsOf(local)).toEqual([['MedicationStatement.medicationReference', 'invariant']]);
  });

  it('validates the dosage timing (tim-*)', () => {
    expect(problemsOf(dosage({ timing: { repeat: { frequency: 3, period: 1 } } }))).toEqual([['MedicationStatement.dosage[0].timing.repeat', 'invariant']]);
    expect(problemsOf(dosage({ timing: { repeat: { when: ['MORN'], timeOfDay: ['08:00:00'] } } }))).toEqual([
      ['MedicationStatement.dosage[0].timing.repeat', 'invariant'],
    ]);
    expect(problemsOf(dosage({ timing: { repeat: { when: ['C'], offset: 30 } } }))).toEqual([['MedicationStatement.dosage[0].timing.repeat', 'invariant']]);
    expect(problemsOf(dosage({ timing: { repeat: { when: ['AC'], offset: 30, dayOfWeek: ['mon', 'thu'] } } }))).toEqual([]);
    expect(problemsOf(dosage({ timing: { repeat: { dayOfWeek: ['monday'] } } }))).toEqual([
      ['MedicationStatement.dosage[0].timing.repeat.dayOfWeek[0]', 'code-invalid'],
    ]);
  });

  it('takes a SimpleQuantity dose: no comparator (sqty-1)', () => {
    const doseAndRate = [{ doseQuantity: { value: 500, comparator: '<=', unit: 'mg' } }];
    expect(problemsOf(dosage({ doseAndRate }))).toEqual([['MedicationStatement.dosage[0].doseAndRate[0].doseQuantity', 'invariant']]);
  });

  it('takes one asNeeded[x] type only', () => {
    expect(problemsOf(dosage({ asNeededBoolean: true, asNeededCodeableConcept: { text: 'pain' } }))).toEqual([
      ['MedicationStatement.dosage[0].asNeeded[x]', 'structure'],
    ]);
  });

  it('accepts modifierExtension on the dosage, a backbone element', () => {
    const modifierExtension = [{ url: 'https://carechain.example/fhir/StructureDefinition/paused', valueBoolean: true }];
    expect(problemsOf(dosage({ text: 'as directed', modifierExtension }))).toEqual([]);
  });
});
