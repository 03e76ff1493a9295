import { schemaProblems } from '../testing/issues';
import { Age, Duration, Money, Quantity, Range, Ratio, SimpleQuantity } from './quantity.schema';

const UCUM = 'http://unitsofmeasure.org';
const mg = (value: number) => ({ value, unit: 'mg', system: UCUM, code: 'mg' });

describe('Quantity and its profiles', () => {
  it('qty-3: a unit code needs its system', () => {
    expect(schemaProblems(Quantity, { value: 5, code: 'mg' })).toEqual([['T', 'invariant']]);
    expect(schemaProblems(Quantity, { value: 5, unit: 'tablets' })).toEqual([]);
  });

  it('checks the comparator codes, and refuses any on a SimpleQuantity (sqty-1)', () => {
    expect(schemaProblems(Quantity, { ...mg(5), comparator: '<' })).toEqual([]);
    expect(schemaProblems(Quantity, { ...mg(5), comparator: '=' })).toEqual([['T.comparator', 'code-invalid']]);
    expect(schemaProblems(SimpleQuantity, { ...mg(5), comparator: '<' })).toEqual([['T', 'invariant']]);
  });

  it('age-1 and drt-1: UCUM units of time with a value', () => {
    expect(schemaProblems(Age, { value: 4, unit: 'mo', system: UCUM, code: 'mo' })).toEqual([]);
    expect(schemaProblems(Age, { value: -4, unit: 'mo', system: UCUM, code: 'mo' })).toEqual([['T', 'invariant']]);
    expect(schemaProblems(Duration, { value: 20, unit: 'min', system: UCUM, code: 'min' })).toEqual([]);
    expect(schemaProblems(Duration, { unit: 'min', system: UCUM, code: 'min' })).toEqual([['T', 'invariant']]);
  });

  it('rng-2: low is not above high, when they compare', () => {
    expect(schemaProblems(Range, { low: mg(5), high: mg(10) })).toEqual([]);
    expect(schemaProblems(Range, { low: mg(10), high: mg(5) })).toEqual([['T', 'invariant']]);
    expect(schemaProblems(Range, { low: mg(10), high: { value: 5, unit: 'g', system: UCUM, code: 'g' } })).toEqual([]);
  });

  it('rat-1: numerator and denominator come together', () => {
    expect(schemaProblems(Ratio, { numerator: mg(5), denominator: { value: 1 } })).toEqual([]);
    expect(schemaProblems(Ratio, { numerator: mg(5) })).toEqual([['T', 'invariant']]);
    expect(schemaProblems(Ratio, { extension: [{ url: 'https://x.example/why-absent', valueCode: 'unknown' }] })).toEqual([]);
  });

  it('Money takes an ISO 4217 currency', () => {
    expect(schemaProblems(Money, { value: 12.5, currency: 'CHF' })).toEqual([]);
    expect(schemaProblems(Money, { value: 12.5, currency: 'chf' })).toEqual([['T.currency', 'value']]);
  });
});
