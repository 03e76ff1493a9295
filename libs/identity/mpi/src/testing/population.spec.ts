import { demographicsSchema, identifierSchema } from '@carechain/contracts';
import { normalise } from '../normalise';
import { generatePopulation, type NoiseKind } from './population';
import { Prng } from './prng';

describe('generatePopulation', () => {
  const records = generatePopulation({ seed: 7, people: 1_000, duplicates: 250 });

  it('is the same population for the same seed, and another for another seed', () => {
    expect(generatePopulation({ seed: 7, people: 1_000, duplicates: 250 })).toEqual(records);
    expect(generatePopulation({ seed: 8, people: 1_000, duplicates: 250 })).not.toEqual(records);
  });

  it('registers every person once and then the duplicates, each after its first registration', () => {
    expect(records).toHaveLength(1_250);
    expect(new Set(records.map((r) => r.recordId)).size).toBe(1_250);
    expect(new Set(records.map((r) => r.trueId)).size).toBe(1_000);
    const seen = new Set<string>();
    for (const r of records) {
      expect(r.duplicate).toBe(seen.has(r.trueId));
      seen.add(r.trueId);
    }
  });

  it('produces registrations the identity contract accepts', () => {
    for (const r of records.slice(0, 200)) {
      expect(demographicsSchema.safeParse(r.demographics).success).toBe(true);
      r.identifiers.forEach((id) => expect(identifierSchema.safeParse(id).success).toBe(true));
    }
  });

  it('carries every kind of noise, and exact repeats', () => {
    const kinds = new Set(records.flatMap((r) => r.noise));
    const all: NoiseKind[] = [
      'typo-given',
      'typo-family',
      'transposition',
      'nickname',
      'swapped-day-month',
      'missing-phone',
      'missing-email',
      'missing-address',
      'other-hospital',
      'married-name',
    ];
    expect([...kinds].sort()).toEqual([...all].sort());
    expect(records.filter((r) => r.duplicate && r.noise.length === 0).length).toBeGreaterThan(10);
  });

  it('applies the noise it reports', () => {
    const first = new Map(records.filter((r) => !r.duplicate).map((r) => [r.trueId, normalise(r.demographics, r.identifiers)]));
    for (const r of records.filter((d) => d.duplicate)) {
      const truth = first.get(r.trueId)!;
      const copy = normalise(r.demographics, r.identifiers);
      if (r.noise.includes('married-name')) {
        expect(copy.family).not.toBe(truth.family);
        expect(copy.birth).toEqual(truth.birth);
      }
      if (r.noise.includes('nickname')) expect(copy.givenCanonical).toContain(truth.given[0]);
      if (r.noise.includes('swapped-day-month')) expect(copy.birth).toEqual({ ...truth.birth, month: truth.birth?.day, day: truth.birth?.month });
      if (r.noise.includes('missing-phone')) expect(copy.phones).toEqual([]);
      if (r.noise.includes('other-hospital')) expect(copy.identifiers[0].system).not.toBe(truth.identifiers[0].system);
      if (r.noise.length === 0) {
        expect({ ...copy, identifiers: [] }).toEqual({ ...truth, given: copy.given, givenJoined: copy.givenJoined, identifiers: [] });
      }
    }
  });

  it('gives some people a national id and everybody an MRN, and keeps them unique per person', () => {
    const firsts = records.filter((r) => !r.duplicate);
    const ssns = firsts.flatMap((r) => r.identifiers.filter((id) => id.system === 'urn:oid:2.16.840.1.113883.4.1').map((id) => id.value.replace(/-/g, '')));
    expect(ssns.length).toBeGreaterThan(300);
    expect(new Set(ssns).size).toBe(ssns.length);
    firsts.forEach((r) => expect(r.identifiers[0].system).toMatch(/\/mrn$/));
  });
});

describe('Prng', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});
