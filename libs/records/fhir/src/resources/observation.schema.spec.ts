import { LOINC, UCUM } from '../testing/codes';
import { fullObservation, minimalObservation } from '../testing/clinical.examples';
import { omit, problemsOf } from '../testing/issues';

const kg = { value: 72.4, unit: 'kg', system: UCUM, code: 'kg' };

describe('Observation', () => {
  it('accepts the full and the minimal example', () => {
    expect(problemsOf(fullObservation())).toEqual([]);
    expect(problemsOf(minimalObservation())).toEqual([]);
  });

  it('requires status and code (1..1)', () => {
    expect(problemsOf(omit(fullObservation(), 'status', 'code'))).toEqual([
      ['Observation.status', 'required'],
      ['Observation.code', 'required'],
    ]);
  });

  it('checks the status against ObservationStatus', () => {
    expect(problemsOf({ ...minimalObservation(), status: 'Final' })).toEqual([['Observation.status', 'code-invalid']]);
  });

  it('accepts each kind of value[x]', () => {
    const values = [
      { valueQuantity: kg },
      { valueCodeableConcept: { text: 'positive' } },
      { valueString: 'trace' },
      { valueBoolean: false },
      { valueInteger: 3 },
      { valueRange: { low: kg, high: { ...kg, value: 80 } } },
      { valueRatio: { numerator: { value: 1 }, denominator: { value: 128 } } },
      { valueSampledData: { origin: { value: 0, unit: 'mV' }, period: 10, dimensions: 1, data: '2 4 8 E U L' } },
      { valueTime: '07:30:00' },
      { valueDateTime: '2024-03-01T07:30:00Z' },
      { valuePeriod: { start: '2024-03-01', end: '2024-03-02' } },
    ];
    for (const value of values) expect(problemsOf({ ...minimalObservation(), ...value })).toEqual([]);
  });

  it('takes one value[x] type only', () => {
    expect(problemsOf({ ...minimalObservation(), valueQuantity: kg, valueString: '72.4 kg' })).toEqual([['Observation.value[x]', 'structure']]);
  });

  it('checks the value types themselves', () => {
    expect(problemsOf({ ...minimalObservation(), valueInteger: 2.5 })).toEqual([['Observation.valueInteger', 'value']]);
    expect(problemsOf({ ...minimalObservation(), valueQuantity: { value: '72.4' } })).toEqual([['Observation.valueQuantity.value', 'value']]);
    expect(problemsOf({ ...minimalObservation(), valueSampledData: { period: 10, dimensions: 0 } })).toEqual([
      ['Observation.valueSampledData.origin', 'required'],
      ['Observation.valueSampledData.dimensions', 'value'],
    ]);
    expect(problemsOf({ ...minimalObservation(), valueRange: { low: { ...kg, value: 90 }, high: kg } })).toEqual([['Observation.valueRange', 'invariant']]);
  });

  it('wants issued as an instant: full time with a zone', () => {
    expect(problemsOf({ ...minimalObservation(), issued: '2024-03-01' })).toEqual([['Observation.issued', 'value']]);
  });

  it('obs-6: no dataAbsentReason next to a value', () => {
    const dataAbsentReason = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'asked-declined' }] };
    expect(problemsOf({ ...minimalObservation(), dataAbsentReason })).toEqual([]);
    expect(problemsOf({ ...minimalObservation(), valueQuantity: kg, dataAbsentReason })).toEqual([['Observation', 'invariant']]);
    const component = [{ code: { text: 'systolic' }, valueQuantity: kg, dataAbsentReason }];
    expect(problemsOf({ ...minimalObservation(), component })).toEqual([['Observation.component[0]', 'invariant']]);
  });

  it('obs-7: no value on the observation when a component has its code', () => {
    const code = { coding: [{ system: LOINC, code: '8480-6' }] };
    const observation = { ...minimalObservation(), code, valueQuantity: kg, component: [{ code, valueQuantity: kg }] };
    expect(problemsOf(observation)).toEqual([['Observation', 'invariant']]);
    expect(problemsOf(omit(observation, 'valueQuantity'))).toEqual([]);
  });

  it('requires a code on every component, at its own index', () => {
    const component = [...fullObservation().component, { valueQuantity: kg }];
    expect(problemsOf({ ...fullObservation(), component })).toEqual([['Observation.component[2].code', 'required']]);
  });

  it('obs-3: a reference range has a low, a high or a text', () => {
    const referenceRange = [{ type: { text: 'normal' } }];
    expect(problemsOf({ ...minimalObservation(), referenceRange })).toEqual([['Observation.referenceRange[0]', 'invariant']]);
  });

  it('accepts a Timing as effective[x]', () => {
    const effectiveTiming = { event: ['2024-03-01T08:00:00Z', '2024-03-01T20:00:00Z'], code: { text: 'BID' } };
    expect(problemsOf({ ...minimalObservation(), effectiveTiming })).toEqual([]);
  });
});
