import { generateIndependentPopulation, keyingError } from './independent-population';
import { Prng } from './prng';

describe('generateIndependentPopulation', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(generateIndependentPopulation({ seed: 1, people: 200 })).toEqual(generateIndependentPopulation({ seed: 1, people: 200 }));
    expect(generateIndependentPopulation({ seed: 2, people: 200 })).not.toEqual(generateIndependentPopulation({ seed: 1, people: 200 }));
  });

  it('builds a linkage task: every person once in each file, the first file first', () => {
    const records = generateIndependentPopulation({ seed: 3, people: 300, task: 'linkage' });
    const half = records.length / 2;
    expect(records.slice(0, half).every((r) => r.recordId.startsWith('a'))).toBe(true);
    expect(new Set(records.slice(0, half).map((r) => r.trueId))).toEqual(new Set(records.slice(half).map((r) => r.trueId)));
  });

  it('corrupts by its model: no corruption gives exact copies, substitution changes first names', () => {
    const none = { substituteGiven: 0, swapNames: 0, missing: 0, typo: 0, dateDigit: 0, dateTranspose: 0, dayMonth: 0, moved: 0, unknownGender: 0 };
    const clean = generateIndependentPopulation({ seed: 4, people: 300, task: 'linkage', corruption: none });
    const half = clean.length / 2;
    const byPerson = new Map(clean.slice(0, half).map((r) => [r.trueId, r]));
    expect(clean.slice(half).every((r) => JSON.stringify(r.demographics) === JSON.stringify(byPerson.get(r.trueId)?.demographics))).toBe(true);
    const substituted = generateIndependentPopulation({ seed: 4, people: 300, task: 'linkage', corruption: { ...none, substituteGiven: 1 } });
    const firsts = new Map(substituted.slice(0, half).map((r) => [r.trueId, r.demographics.name.given[0]]));
    const changed = substituted.slice(half).filter((r) => r.demographics.name.given[0] !== firsts.get(r.trueId)).length;
    expect(changed).toBeGreaterThan(half * 0.9);
  });

  it('makes one keying error at a time', () => {
    const rng = new Prng(9);
    for (let i = 0; i < 100; i++) expect(Math.abs(keyingError(rng, 'margaret').length - 8)).toBeLessThanOrEqual(1);
  });
});
