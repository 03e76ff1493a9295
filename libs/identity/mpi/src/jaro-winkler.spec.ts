import { jaro, jaroWinkler } from './jaro-winkler';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

describe('jaro', () => {
  // The worked examples of Winkler (1990) and the Census comparator literature.
  it.each([
    ['MARTHA', 'MARHTA', 0.944],
    ['DWAYNE', 'DUANE', 0.822],
    ['DIXON', 'DICKSONX', 0.767],
    ['CRATE', 'TRACE', 0.733],
    ['JELLYFISH', 'SMELLYFISH', 0.896],
  ])('jaro(%p, %p) = %p', (a, b, expected) => {
    expect(round3(jaro(a, b))).toBe(expected);
    expect(round3(jaro(b, a))).toBe(expected);
  });

  it('is 1 for equal strings and 0 with nothing in common or an empty side', () => {
    expect(jaro('abc', 'abc')).toBe(1);
    expect(jaro('', '')).toBe(1);
    expect(jaro('abc', 'xyz')).toBe(0);
    expect(jaro('abc', '')).toBe(0);
  });
});

describe('jaroWinkler', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
    ['CRATE', 'TRACE', 0.733], // no common prefix, no boost
    ['JELLYFISH', 'SMELLYFISH', 0.896],
  ])('jaroWinkler(%p, %p) = %p', (a, b, expected) => {
    expect(round3(jaroWinkler(a, b))).toBe(expected);
    expect(round3(jaroWinkler(b, a))).toBe(expected);
  });

  it('boosts a common prefix of at most four characters', () => {
    const j = jaro('abcdefgx', 'abcdefgy');
    expect(jaroWinkler('abcdefgx', 'abcdefgy')).toBeCloseTo(j + 4 * 0.1 * (1 - j), 12);
  });

  it('does not boost pairs with a Jaro of 0.7 or less', () => {
    expect(jaro('abxyz', 'abpqr')).toBeLessThanOrEqual(0.7);
    expect(jaroWinkler('abxyz', 'abpqr')).toBe(jaro('abxyz', 'abpqr'));
  });

  it('handles strings longer than its scratch buffer', () => {
    const long = 'a'.repeat(300) + 'b';
    expect(jaroWinkler(long, long.replace('b', 'c'))).toBeGreaterThan(0.99);
  });
});
