import { estimateM, estimateModel, estimateU, MIN_PEOPLE_FOR_ESTIMATION } from './em-estimation';
import { MISSING } from './field-comparators';
import { MatchIndex } from './match-index';
import { PRIOR_MODEL_VERSION } from './match-model';
import { DEFAULT_MATCH_PARAMETERS, MATCH_FIELDS } from './match-parameters';
import { MatchScorer } from './match-scorer';
import { normalise } from './normalise';
import { Prng } from './testing/prng';
import { generatePopulation } from './testing/population';

const scorer = new MatchScorer();
const f = (field: (typeof MATCH_FIELDS)[number]) => MATCH_FIELDS.indexOf(field);

// A synthetic mixture of level patterns over given (levels 0 / disagree), family and
// birth date, drawn from known m and u: EM must find m again from the patterns alone.
function mixture(seed: number, pairs: number, matchShare: number, m: number[], u: number[]) {
  const rng = new Prng(seed);
  const fields = [f('given'), f('family'), f('birthDate')];
  const disagree = [7, 5, 5]; // FIELD_LEVELS lengths of given, family, birthDate
  const counts = new Map<string, { levels: Int8Array; count: number }>();
  for (let k = 0; k < pairs; k++) {
    const match = rng.chance(matchShare);
    const levels = new Int8Array(MATCH_FIELDS.length).fill(MISSING);
    fields.forEach((field, i) => (levels[field] = rng.chance(match ? m[i] : u[i]) ? 0 : disagree[i]));
    const key = levels.join(',');
    const entry = counts.get(key) ?? { levels, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()];
}

describe('estimateM', () => {
  it('recovers known m-probabilities of exact agreement from a mixture, u given', () => {
    const trueM = [0.9, 0.8, 0.95];
    const trueU = [0.02, 0.01, 0.005];
    const patterns = mixture(7, 200_000, 0.2, trueM, trueU);
    const u = MATCH_FIELDS.map((field, i) => {
      const known = [f('given'), f('family'), f('birthDate')].indexOf(i);
      const levels = new Float64Array(field === 'given' ? 8 : field === 'family' || field === 'birthDate' ? 6 : 2).fill(1e-9);
      if (known >= 0) {
        levels[0] = trueU[known];
        levels[levels.length - 1] = 1 - trueU[known] - 1e-9 * (levels.length - 2);
      } else levels[levels.length - 1] = 1 - 1e-9 * (levels.length - 1);
      return levels;
    });
    const m = estimateM(patterns, u, scorer.parameters, 200);
    expect(m[f('given')][0]).toBeCloseTo(0.9, 2);
    expect(m[f('family')][0]).toBeCloseTo(0.8, 2);
    expect(m[f('birthDate')][0]).toBeCloseTo(0.95, 2);
  });
});

describe('estimateU', () => {
  it('measures u from random pairs: exact birth dates are rare, exact genders about half', () => {
    const people = generatePopulation({ seed: 3, people: 3_000, duplicates: 0 }).map((r) => normalise(r.demographics, r.identifiers));
    const u = estimateU(people, { scorer, randomPairs: 50_000 });
    expect(u[f('gender')][0]).toBeGreaterThan(0.4);
    expect(u[f('gender')][0]).toBeLessThan(0.6);
    expect(u[f('birthDate')][0]).toBeLessThan(0.001);
    expect(u[f('given')][0]).toBeLessThan(0.05);
    // Identifiers keep the prior: random pairs never share an MRN.
    expect(u[f('localId')][0]).toBe(DEFAULT_MATCH_PARAMETERS.localId.exact.u);
  });
});

describe('estimateModel', () => {
  const records = generatePopulation({ seed: 5, people: 4_000, duplicates: 800 });
  const people = records.map((r) => normalise(r.demographics, r.identifiers));
  const index = new MatchIndex({ autoRefit: false });
  people.forEach((p, i) => index.add(records[i].recordId, p));

  it('keeps the prior for a population too small to estimate from', () => {
    const small = people.slice(0, MIN_PEOPLE_FOR_ESTIMATION - 1);
    expect(estimateModel(small, () => [], { scorer }).version).toBe(PRIOR_MODEL_VERSION);
  });

  it('estimates a versioned model in which agreement weighs for and disagreement against', () => {
    const model = index.refit();
    expect(model.version).toMatch(/^em-[0-9a-f]{8}$/);
    expect(model.trainedOn).toBe(people.length);
    const fitted = new MatchScorer({ model });
    for (const field of ['given', 'family', 'birthDate', 'address'] as const) {
      expect(fitted.weight(field, 'exact')).toBeGreaterThan(3);
      expect(fitted.weight(field, 'disagree')).toBeLessThan(-1);
    }
    expect(index.model).toBe(model);
  });

  it('gives the same model for the same population (deterministic, so the version names it)', () => {
    const again = new MatchIndex({ autoRefit: false });
    people.forEach((p, i) => again.add(records[i].recordId, p));
    expect(again.refit().version).toBe(index.model.version);
  });
});
