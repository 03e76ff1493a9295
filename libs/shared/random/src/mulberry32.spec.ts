import { mulberry32 } from './mulberry32';

describe('mulberry32', () => {
  it('gives the reference sequence for a seed (the published algorithm, not just any generator)', () => {
    const next = mulberry32(1);
    // The first outputs of mulberry32(1) as the widely copied reference JavaScript gives them, times 2^32.
    expect([next(), next(), next()].map((x) => x * 4294967296)).toEqual([2693262067, 11749833, 2265367787]);
  });

  it('repeats a sequence for the same seed, differs for another, stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
