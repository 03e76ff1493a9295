import { DEFAULT_THRESHOLDS, REFERENCE_POPULATION, classify, scaledThresholds } from './match-thresholds';
import { MpiErrorCode } from './mpi.error';

describe('classify', () => {
  const thresholds = { link: 25, review: 17 };

  it.each([
    [40, 'link'],
    [25, 'link'],
    [24.9, 'review'],
    [17, 'review'],
    [16.9, 'new'],
    [-30, 'new'],
  ] as const)('decides a total of %p: %p', (total, decision) => {
    expect(classify({ total }, thresholds)).toBe(decision);
  });

  it('sends a vetoed pair to review, however high its total', () => {
    expect(classify({ total: 80, veto: 'given' }, thresholds)).toBe('review');
    expect(classify({ total: 10, veto: 'given' }, thresholds)).toBe('new');
  });

  it('uses the defaults when given no thresholds', () => {
    expect(classify({ total: DEFAULT_THRESHOLDS.link })).toBe('link');
    expect(DEFAULT_THRESHOLDS.review).toBeLessThan(DEFAULT_THRESHOLDS.link);
  });

  it.each([
    { link: 10, review: 20 },
    { link: Number.NaN, review: 1 },
  ])('refuses thresholds %j', (bad) => {
    expect(() => classify({ total: 1 }, bad)).toThrow(MpiErrorCode.InvalidThresholds);
  });
});

describe('scaledThresholds', () => {
  it('is the default at the reference population and moves by log2 of the size ratio', () => {
    expect(scaledThresholds(REFERENCE_POPULATION)).toEqual(DEFAULT_THRESHOLDS);
    expect(scaledThresholds(REFERENCE_POPULATION * 8).link).toBeCloseTo(DEFAULT_THRESHOLDS.link + 3, 10);
    expect(scaledThresholds(REFERENCE_POPULATION / 4).review).toBeCloseTo(DEFAULT_THRESHOLDS.review - 2, 10);
  });

  it('does not fall further below 1,000 people', () => {
    expect(scaledThresholds(10)).toEqual(scaledThresholds(1000));
  });
});
