import { UCUM } from '../testing/codes';
import { fullEncounter, minimalEncounter } from '../testing/administrative.examples';
import { omit, problemsOf } from '../testing/issues';

describe('Encounter', () => {
  it('accepts the full and the minimal example', () => {
    expect(problemsOf(fullEncounter())).toEqual([]);
    expect(problemsOf(minimalEncounter())).toEqual([]);
  });

  it('requires status and class (1..1)', () => {
    expect(problemsOf(omit(fullEncounter(), 'status', 'class'))).toEqual([
      ['Encounter.status', 'required'],
      ['Encounter.class', 'required'],
    ]);
  });

  it('checks the status, here and in the status history', () => {
    expect(problemsOf({ ...minimalEncounter(), status: 'completed' })).toEqual([['Encounter.status', 'code-invalid']]);
    const statusHistory = [{ status: 'left', period: { start: '2024-03-01' } }, { status: 'arrived' }];
    expect(problemsOf({ ...minimalEncounter(), statusHistory })).toEqual([
      ['Encounter.statusHistory[0].status', 'code-invalid'],
      ['Encounter.statusHistory[1].period', 'required'],
    ]);
  });

  it('takes class as a single Coding, not a list nor a CodeableConcept', () => {
    expect(problemsOf({ ...minimalEncounter(), class: [minimalEncounter().class] })).toEqual([['Encounter.class', 'structure']]);
    expect(problemsOf({ ...minimalEncounter(), class: { coding: [minimalEncounter().class] } })).toEqual([['Encounter.class.coding', 'structure']]);
  });

  it('checks the location status (required binding)', () => {
    const location = [{ location: { reference: 'Location/ward-3' }, status: 'occupied' }];
    expect(problemsOf({ ...minimalEncounter(), location })).toEqual([['Encounter.location[0].status', 'code-invalid']]);
  });

  it('per-1: the period does not end before it starts', () => {
    const period = { start: '2024-03-01T10:00:00+01:00', end: '2024-03-01T09:00:00+01:00' };
    expect(problemsOf({ ...minimalEncounter(), period })).toEqual([['Encounter.period', 'invariant']]);
  });

  it('drt-1: the length is a UCUM duration with a value', () => {
    expect(problemsOf({ ...minimalEncounter(), length: { unit: 'min', system: UCUM, code: 'min' } })).toEqual([['Encounter.length', 'invariant']]);
    expect(problemsOf({ ...minimalEncounter(), length: { value: 25, code: 'min' } })).toEqual([
      ['Encounter.length', 'invariant'],
      ['Encounter.length', 'invariant'],
    ]);
  });

  it('ranks diagnoses from 1 (positiveInt)', () => {
    const diagnosis = [{ condition: { reference: 'Condition/cond-1' }, rank: 0 }];
    expect(problemsOf({ ...minimalEncounter(), diagnosis })).toEqual([['Encounter.diagnosis[0].rank', 'value']]);
  });

  it('accepts hospitalization details', () => {
    const hospitalization = {
      admitSource: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/admit-source', code: 'emd' }] },
      dischargeDisposition: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'home' }] },
    };
    expect(problemsOf({ ...fullEncounter(), hospitalization })).toEqual([]);
  });
});
