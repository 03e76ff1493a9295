import { schemaProblems } from '../testing/issues';
import { notAfter, Period } from './period.schema';

describe('notAfter', () => {
  it.each([
    ['2024-03-01', '2024-03-02', true],
    ['2024-03-02', '2024-03-01', false],
    ['2024-03', '2024-03', true],
    ['2024-03-01T10:00:00+01:00', '2024-03-01T09:30:00Z', true],
    ['2024-03-01T10:00:00Z', '2024-03-01T09:30:00Z', false],
    // Different precisions do not compare in FHIRPath: the invariant holds.
    ['2024-03-02', '2024-03', true],
    ['2024-03-02T10:00:00Z', '2024-03-01', true],
  ])('%s → %s: %p', (start, end, expected) => {
    expect(notAfter(start, end)).toBe(expected);
  });
});

describe('Period', () => {
  it('accepts an open period and refuses one that ends before it starts (per-1)', () => {
    expect(schemaProblems(Period, { start: '2024-03-01' }, 'Period')).toEqual([]);
    expect(schemaProblems(Period, { start: '2024-03-01', end: '2023-12-31' }, 'Period')).toEqual([['Period', 'invariant']]);
  });

  it('refuses an empty period (ele-1)', () => {
    expect(schemaProblems(Period, {}, 'Period')).toEqual([['Period', 'structure']]);
  });
});
