import { CONDITION_CLINICAL, CONDITION_VERIFICATION, SNOMED } from '../testing/codes';
import { fullCondition, minimalCondition } from '../testing/clinical.examples';
import { omit, problemsOf } from '../testing/issues';

const status = (system: string, code: string) => ({ coding: [{ system, code }] });

describe('Condition', () => {
  it('accepts the full and the minimal example', () => {
    expect(problemsOf(fullCondition())).toEqual([]);
    expect(problemsOf(minimalCondition())).toEqual([]);
  });

  it('requires a subject (1..1)', () => {
    expect(problemsOf(omit(fullCondition(), 'subject'))).toEqual([['Condition.subject', 'required']]);
  });

  it('checks the required binding of clinicalStatus', () => {
    expect(problemsOf({ ...minimalCondition(), clinicalStatus: status(CONDITION_CLINICAL, 'cured') })).toEqual([
      ['Condition.clinicalStatus.coding[0].code', 'code-invalid'],
    ]);
    expect(problemsOf({ ...minimalCondition(), clinicalStatus: status(SNOMED, '55561003') })).toEqual([['Condition.clinicalStatus.coding', 'code-invalid']]);
    expect(problemsOf({ ...minimalCondition(), clinicalStatus: { text: 'active' } })).toEqual([['Condition.clinicalStatus', 'code-invalid']]);
  });

  it('accepts a clinicalStatus that also carries a local coding', () => {
    const clinicalStatus = {
      coding: [
        { system: 'https://hospital-a.example/status', code: 'A' },
        { system: CONDITION_CLINICAL, code: 'relapse' },
      ],
    };
    expect(problemsOf({ ...minimalCondition(), clinicalStatus })).toEqual([]);
  });

  it('takes one onset[x] type only', () => {
    const issues = problemsOf({ ...fullCondition(), onsetString: 'in childhood' });
    expect(issues).toEqual([['Condition.onset[x]', 'structure']]);
  });

  it('checks the Age profile of onsetAge (age-1)', () => {
    expect(problemsOf({ ...minimalCondition(), onsetAge: { value: 52, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' } })).toEqual([]);
    expect(problemsOf({ ...minimalCondition(), onsetAge: { value: 52, unit: 'years' } })).toEqual([['Condition.onsetAge', 'invariant']]);
    expect(problemsOf({ ...minimalCondition(), onsetAge: { value: 52, system: 'http://snomed.info/sct', code: '258707000' } })).toEqual([
      ['Condition.onsetAge', 'invariant'],
    ]);
  });

  it('con-4: an abated condition is inactive, resolved or in remission', () => {
    const abated = { ...fullCondition(), abatementDateTime: '2023-01-10' };
    expect(problemsOf(abated)).toEqual([['Condition', 'invariant']]);
    expect(problemsOf({ ...abated, clinicalStatus: status(CONDITION_CLINICAL, 'resolved') })).toEqual([]);
  });

  it('con-5: no clinicalStatus on a condition entered in error', () => {
    const wrong = { ...fullCondition(), verificationStatus: status(CONDITION_VERIFICATION, 'entered-in-error') };
    expect(problemsOf(wrong)).toEqual([['Condition', 'invariant']]);
    expect(problemsOf(omit(wrong, 'clinicalStatus'))).toEqual([]);
  });

  it('con-1 and con-2: stage and evidence have content', () => {
    const stage = [{ summary: { text: 'stage II' } }, { type: { text: 'clinical staging' } }];
    expect(problemsOf({ ...minimalCondition(), stage })).toEqual([['Condition.stage[1]', 'invariant']]);
    expect(problemsOf({ ...minimalCondition(), evidence: [{ detail: [{ reference: 'Observation/bp-1' }] }] })).toEqual([]);
  });

  it('reports each problem of a nested note at its own path', () => {
    const note = [{ text: 'ok' }, { authorString: '', time: 'yesterday' }];
    expect(problemsOf({ ...minimalCondition(), note })).toEqual([
      ['Condition.note[1].authorString', 'value'],
      ['Condition.note[1].time', 'value'],
      ['Condition.note[1].text', 'required'],
    ]);
  });
});
