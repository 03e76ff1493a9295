// Fellegi–Sunter parameters estimated from the registered population, the way
// mature linkage tools do it (Splink, fastLink):
//
//   u  from random pairs: among N people almost every random pair is two people, so
//      the share of random pairs reaching a level is its u. A level seen fewer than
//      MIN_U_COUNT times among them keeps the prior's u (too rare to measure).
//   m  by expectation–maximisation over the blocked pairs (the candidate pairs the
//      index would score), u held fixed: each pair's probability of being one person
//      under the current m, then m as the probability-weighted share of pairs at each
//      level, until m settles. The prior's m enters as PRIOR_M_PAIRS pseudo-pairs, so
//      a small population leaves the prior nearly untouched.
//      Blocked pairs agree on their blocking fields by construction, which random-pair
//      u cannot explain; so, as Splink does, EM runs once per training rule on the
//      pairs that satisfy it with the rule's fields left out (same birth date → learn
//      the names and address; same given and family name → learn the birth date and
//      address), and a field's m is the mean over the rules that learned it.
//
// Identifier fields keep the prior: two people never share an MRN by chance, so
// random pairs cannot measure them. Pairs are reduced to their comparison patterns
// (the tuple of levels) before EM, which makes each iteration cost the number of
// distinct patterns, not pairs. Deterministic: the random pairs come from a seeded
// generator, so one population always gives the same model (and version).
import { MISSING } from './field-comparators';
import { estimatedModel, type MatchModel } from './match-model';
import { FIELD_LEVELS, MATCH_FIELDS, resolveParameters, type MatchField, type MatchParameterOverrides, type MatchParameters } from './match-parameters';
import type { MatchScorer } from './match-scorer';
import type { NormalisedPerson } from './normalised-person';
import { mulberry32 } from '@carechain/random';

/** Below this many people the prior is kept as it is. */
export const MIN_PEOPLE_FOR_ESTIMATION = 200;
export const MIN_U_COUNT = 10;
export const PRIOR_M_PAIRS = 20;
const FIXED_FIELDS: readonly MatchField[] = ['nationalId', 'localId'];
const field = (name: MatchField) => MATCH_FIELDS.indexOf(name);

/** A training rule: the pairs it keeps, and the fields those pairs were chosen by (not learned from them). */
interface TrainingRule {
  readonly keeps: (levels: Int8Array) => boolean;
  readonly fields: readonly MatchField[];
}

export const TRAINING_RULES: readonly TrainingRule[] = [
  { keeps: (levels) => levels[field('birthDate')] === 0, fields: ['birthDate'] },
  { keeps: (levels) => levels[field('given')] === 0 && levels[field('family')] === 0, fields: ['given', 'family'] },
];

export interface EstimationOptions {
  /** Compares pairs and supplies the prior (its model's parameters). */
  readonly scorer: MatchScorer;
  /** Random pairs for u (default 300,000, at most all pairs). */
  readonly randomPairs?: number;
  /** People whose blocked pairs feed EM (default 20,000, spread over the population). */
  readonly blockedSample?: number;
  readonly maxIterations?: number;
  readonly seed?: number;
}

/** A level pattern and how many pairs showed it. */
interface Pattern {
  readonly levels: Int8Array;
  count: number;
}

/**
 * Estimates m and u from `people`; `candidates(i)` lists the records the index would
 * score person i against (itself included or not: pairs of a record with itself are dropped).
 */
export function estimateModel(
  people: readonly NormalisedPerson[],
  candidates: (i: number) => readonly NormalisedPerson[],
  options: EstimationOptions,
): MatchModel {
  const prior = options.scorer.parameters;
  if (people.length < MIN_PEOPLE_FOR_ESTIMATION) return options.scorer.model;
  const u = estimateU(people, options);
  const patterns = blockedPatterns(people, candidates, options);
  const m = estimateMByRules(patterns, u, prior, options.maxIterations ?? 100);
  return estimatedModel(toParameters(m, u), people.length);
}

// probabilities[f][level] over agreement levels then disagreement.
type Probabilities = readonly Float64Array<ArrayBufferLike>[];

function levelProbabilities(parameters: MatchParameters, key: 'm' | 'u'): Probabilities {
  return MATCH_FIELDS.map((field) => {
    const levels = (FIELD_LEVELS[field] as readonly string[]).map(
      (level) => (parameters[field] as Readonly<Record<string, { m: number; u: number }>>)[level][key],
    );
    return Float64Array.from([...levels, 1 - levels.reduce((a, b) => a + b, 0)]);
  });
}

/** u per field and level from random pairs; rare levels keep the prior's. Exported for the specs. */
export function estimateU(people: readonly NormalisedPerson[], options: EstimationOptions): Probabilities {
  const n = people.length;
  const pairs = Math.min(options.randomPairs ?? 300_000, (n * (n - 1)) / 2);
  const prior = levelProbabilities(options.scorer.parameters, 'u');
  const counts = prior.map((p) => new Float64Array(p.length));
  const present = new Float64Array(MATCH_FIELDS.length);
  const random = mulberry32(options.seed ?? 1);
  const levels = new Int8Array(MATCH_FIELDS.length);
  for (let k = 0; k < pairs; k++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    options.scorer.levels(people[i], people[j], levels);
    for (let f = 0; f < levels.length; f++) {
      if (levels[f] === MISSING) continue;
      counts[f][levels[f]]++;
      present[f]++;
    }
  }
  return prior.map((priorU, f) => {
    if (FIXED_FIELDS.includes(MATCH_FIELDS[f]) || present[f] === 0) return priorU;
    const agreements = Array.from(priorU.subarray(0, -1), (p, l) => (counts[f][l] >= MIN_U_COUNT ? counts[f][l] / present[f] : p));
    return closeDistribution(agreements);
  });
}

function blockedPatterns(people: readonly NormalisedPerson[], candidates: (i: number) => readonly NormalisedPerson[], options: EstimationOptions): Pattern[] {
  const sample = Math.min(options.blockedSample ?? 20_000, people.length);
  const step = people.length / sample;
  const patterns = new Map<string, Pattern>();
  const levels = new Int8Array(MATCH_FIELDS.length);
  for (let s = 0; s < sample; s++) {
    const person = people[Math.floor(s * step)];
    for (const other of candidates(Math.floor(s * step))) {
      if (other === person) continue;
      options.scorer.levels(person, other, levels);
      const key = levels.join(',');
      const pattern = patterns.get(key);
      if (pattern === undefined) patterns.set(key, { levels: Int8Array.from(levels), count: 1 });
      else pattern.count++;
    }
  }
  return [...patterns.values()];
}

/** m per field: the mean of the EM estimates of the training rules that do not block on it. */
export function estimateMByRules(patterns: readonly Pattern[], u: Probabilities, prior: MatchParameters, maxIterations: number): Probabilities {
  const estimates = TRAINING_RULES.map((rule) => {
    const masked = rule.fields.map(field);
    const kept = patterns
      .filter((p) => rule.keeps(p.levels))
      .map((p) => ({ levels: Int8Array.from(p.levels, (level, f) => (masked.includes(f) ? MISSING : level)), count: p.count }));
    return { masked, m: estimateM(kept, u, prior, maxIterations) };
  });
  return MATCH_FIELDS.map((_, f) => {
    const learned = estimates.filter((e) => !e.masked.includes(f)).map((e) => e.m[f]);
    const mean = learned[0].map((_, l) => learned.reduce((sum, m) => sum + m[l], 0) / learned.length);
    return closeDistribution(Array.from(mean.subarray(0, -1)));
  });
}

/** m per field and level by EM over level patterns with u fixed. Exported for the specs. */
export function estimateM(
  patterns: readonly { readonly levels: Int8Array; readonly count: number }[],
  u: Probabilities,
  prior: MatchParameters,
  maxIterations: number,
): Probabilities {
  const priorM = levelProbabilities(prior, 'm');
  let m: Probabilities = priorM.map((p) => Float64Array.from(p));
  let lambda = 0.1;
  const logU = patterns.map((p) => logLikelihood(p.levels, u));
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const sums = m.map((p) => new Float64Array(p.length));
    const present = new Float64Array(MATCH_FIELDS.length);
    let matches = 0;
    let total = 0;
    patterns.forEach((pattern, k) => {
      const a = Math.log(lambda) + logLikelihood(pattern.levels, m);
      const b = Math.log(1 - lambda) + logU[k];
      const p = 1 / (1 + Math.exp(b - a));
      const weight = p * pattern.count;
      matches += weight;
      total += pattern.count;
      for (let f = 0; f < pattern.levels.length; f++) {
        const level = pattern.levels[f];
        if (level === MISSING) continue;
        sums[f][level] += weight;
        present[f] += weight;
      }
    });
    const next = m.map((current, f) => {
      if (FIXED_FIELDS.includes(MATCH_FIELDS[f])) return current;
      const agreements = Array.from(current.subarray(0, -1), (_, l) => (sums[f][l] + PRIOR_M_PAIRS * priorM[f][l]) / (present[f] + PRIOR_M_PAIRS));
      return closeDistribution(agreements);
    });
    const change = Math.max(...next.map((p, f) => Math.max(...p.map((x, l) => Math.abs(x - m[f][l])))));
    m = next;
    lambda = Math.min(Math.max(matches / Math.max(total, 1), 1e-6), 1 - 1e-6);
    if (change < 1e-6) break;
  }
  return m;
}

function logLikelihood(levels: Int8Array, probabilities: Probabilities): number {
  let sum = 0;
  for (let f = 0; f < levels.length; f++) {
    if (levels[f] !== MISSING) sum += Math.log(probabilities[f][levels[f]]);
  }
  return sum;
}

// Agreement probabilities kept strictly inside (0, 1) with something left for disagreement.
const FLOOR = 1e-7;
function closeDistribution(agreements: readonly number[]): Float64Array {
  const clamped = agreements.map((p) => Math.max(p, FLOOR));
  const sum = clamped.reduce((a, b) => a + b, 0);
  const scale = sum > 1 - 1e-4 ? (1 - 1e-4) / sum : 1;
  const scaled = clamped.map((p) => p * scale);
  return Float64Array.from([...scaled, 1 - scaled.reduce((a, b) => a + b, 0)]);
}

function toParameters(m: Probabilities, u: Probabilities): MatchParameters {
  const overrides: Record<string, Record<string, { m: number; u: number }>> = {};
  MATCH_FIELDS.forEach((field, f) => {
    overrides[field] = Object.fromEntries((FIELD_LEVELS[field] as readonly string[]).map((level, l) => [level, { m: m[f][l], u: u[f][l] }]));
  });
  return resolveParameters(overrides as MatchParameterOverrides);
}
