import { ALLERGY_VERIFICATION } from '../testing/codes';
import { fullAllergyIntolerance, minimalAllergyIntolerance } from '../testing/clinical.examples';
import { omit, problemsOf } from '../testing/issues';

const enteredInError = { coding: [{ system: ALLERGY_VERIFICATION, code: 'entered-in-error' }] };

describe('AllergyIntolerance', () => {
  it('accepts the full and the minimal example', () => {
    expect(problemsOf(fullAllergyIntolerance())).toEqual([]);
    expect(problemsOf(minimalAllergyIntolerance())).toEqual([]);
  });

  it('requires the patient (1..1)', () => {
    expect(problemsOf(omit(fullAllergyIntolerance(), 'patient'))).toEqual([['AllergyIntolerance.patient', 'required']]);
  });

  it('checks the required codes of type, category, criticality and reaction severity', () => {
    const allergy = { ...fullAllergyIntolerance(), type: 'sensitivity', category: ['food', 'pollen'], criticality: 'medium' };
    expect(problemsOf(allergy)).toEqual([
      ['AllergyIntolerance.type', 'code-invalid'],
      ['AllergyIntolerance.category[1]', 'code-invalid'],
      ['AllergyIntolerance.criticality', 'code-invalid'],
    ]);
    const reaction = [{ ...fullAllergyIntolerance().reaction[0], severity: 'life-threatening' }];
    expect(problemsOf({ ...fullAllergyIntolerance(), reaction })).toEqual([['AllergyIntolerance.reaction[0].severity', 'code-invalid']]);
  });

  it('wants category as an array, even with one code', () => {
    expect(problemsOf({ ...fullAllergyIntolerance(), category: 'medication' })).toEqual([['AllergyIntolerance.category', 'structure']]);
  });

  it('requires at least one manifestation per reaction (1..*)', () => {
    expect(problemsOf({ ...minimalAllergyIntolerance(), reaction: [{ description: 'rash' }] })).toEqual([
      ['AllergyIntolerance.reaction[0].manifestation', 'required'],
    ]);
    expect(problemsOf({ ...minimalAllergyIntolerance(), reaction: [{ manifestation: [] }] })).toEqual([
      ['AllergyIntolerance.reaction[0].manifestation', 'required'],
    ]);
  });

  it('ait-1: clinicalStatus is present unless the record was entered in error', () => {
    expect(problemsOf(omit(fullAllergyIntolerance(), 'clinicalStatus'))).toEqual([['AllergyIntolerance', 'invariant']]);
    expect(problemsOf({ ...omit(fullAllergyIntolerance(), 'clinicalStatus'), verificationStatus: enteredInError })).toEqual([]);
  });

  it('ait-2: no clinicalStatus on a record entered in error', () => {
    expect(problemsOf({ ...fullAllergyIntolerance(), verificationStatus: enteredInError })).toEqual([['AllergyIntolerance', 'invariant']]);
  });

  it('checks the required binding of verificationStatus', () => {
    const verificationStatus = { coding: [{ system: ALLERGY_VERIFICATION, code: 'presumed' }] };
    expect(problemsOf({ ...fullAllergyIntolerance(), verificationStatus })).toEqual([['AllergyIntolerance.verificationStatus.coding[0].code', 'code-invalid']]);
  });
});
