// Fellegi–Sunter parameters: for each field and each agreement level, m = P(level |
// the two records are the same person) and u = P(level | they are not). A field's
// residual "disagree" level takes what the agreement levels leave (1 − Σm, 1 − Σu);
// a field missing on either side carries no evidence and weighs 0.
//
// The defaults are hand-set estimates for a general adult + paediatric population
// of about 100,000: the prior. A running index replaces them with parameters
// estimated from its own population (see em-estimation.ts: u from random pairs,
// m by expectation–maximisation over blocked pairs, the prior as pseudo-counts),
// so they matter only until there is enough data.
import { MpiError, MpiErrorCode } from './mpi.error';

/** The agreement levels of each field, strongest first. */
export const FIELD_LEVELS = {
  nationalId: ['exact'],
  localId: ['exact'],
  given: ['exact', 'nickname', 'close', 'middle', 'swapped', 'similar', 'initial'],
  family: ['exact', 'close', 'part', 'swapped', 'similar'],
  birthDate: ['exact', 'typo', 'transposed', 'partial', 'year'],
  gender: ['exact'],
  phone: ['exact'],
  email: ['exact'],
  address: ['exact', 'close', 'line', 'postcode', 'nearby', 'city'],
} as const;

export type MatchField = keyof typeof FIELD_LEVELS;
export const MATCH_FIELDS = Object.keys(FIELD_LEVELS) as readonly MatchField[];
export type AgreementLevel<F extends MatchField = MatchField> = (typeof FIELD_LEVELS)[F][number];
/** A field's level in one comparison: an agreement level, the residual disagreement, or missing on a side. */
export type MatchLevel = AgreementLevel | 'disagree' | 'missing';

export interface LevelProbabilities {
  readonly m: number;
  readonly u: number;
}

export type MatchParameters = { readonly [F in MatchField]: { readonly [L in AgreementLevel<F>]: LevelProbabilities } };
export type MatchParameterOverrides = {
  readonly [F in MatchField]?: { readonly [L in AgreementLevel<F>]?: Partial<LevelProbabilities> };
};

export const DEFAULT_MATCH_PARAMETERS: MatchParameters = {
  // A national id (SSN, NHS number) is re-entered correctly almost always, and two
  // people share one only by error or fraud; a different value is near-proof of two people.
  nationalId: { exact: { m: 0.99, u: 1e-6 } },
  // A hospital's MRN is re-used only when the patient brings it: a re-registration
  // at the same hospital gets a fresh MRN half the time (that is how duplicates are born).
  localId: { exact: { m: 0.5, u: 1e-6 } },
  given: {
    exact: { m: 0.85, u: 0.01 },
    nickname: { m: 0.04, u: 0.002 },
    close: { m: 0.03, u: 0.002 },
    middle: { m: 0.01, u: 0.001 },
    // Given and family name entered the other way round (both fields reach this level),
    // or one side's given name is the other's family name.
    swapped: { m: 0.01, u: 2e-4 },
    similar: { m: 0.015, u: 0.02 },
    initial: { m: 0.005, u: 0.01 },
  },
  family: {
    exact: { m: 0.84, u: 0.005 },
    close: { m: 0.05, u: 0.002 },
    part: { m: 0.02, u: 0.001 },
    swapped: { m: 0.01, u: 2e-4 },
    similar: { m: 0.02, u: 0.02 },
  }, // leaves m = 0.06 for disagreement: mostly marriage and divorce
  birthDate: {
    exact: { m: 0.9, u: 5e-5 },
    // One digit of YYYYMMDD wrong, or two adjacent digits swapped.
    typo: { m: 0.03, u: 5e-4 },
    // Same year, day and month swapped: needs a day ≤ 12, so rarer by chance than exact.
    transposed: { m: 0.01, u: 1.5e-5 },
    partial: { m: 0.03, u: 0.004 },
    year: { m: 0.01, u: 0.011 },
  },
  gender: { exact: { m: 0.97, u: 0.5 } },
  // Households share a landline and an address, so u is above 1/N.
  phone: { exact: { m: 0.8, u: 1e-4 } },
  email: { exact: { m: 0.8, u: 1e-4 } },
  address: {
    // The same first line in the same place (postcode, else city).
    exact: { m: 0.65, u: 2e-4 },
    // A typo in the line (Jaro–Winkler ≥ 0.9) or in the postcode, the rest the same.
    close: { m: 0.08, u: 1e-4 },
    // The same line, the place differing or missing.
    line: { m: 0.03, u: 5e-4 },
    postcode: { m: 0.04, u: 0.002 },
    // A postcode one keying error away in the same city.
    nearby: { m: 0.01, u: 0.001 },
    city: { m: 0.02, u: 0.01 },
  },
};

/** The defaults with `overrides` laid over them, checked: 0 < m, u < 1 and each field's Σm, Σu < 1. */
export function resolveParameters(overrides: MatchParameterOverrides = {}): MatchParameters {
  const resolved: Record<string, Record<string, LevelProbabilities>> = {};
  for (const field of MATCH_FIELDS) {
    const defaults: Readonly<Record<string, LevelProbabilities>> = DEFAULT_MATCH_PARAMETERS[field];
    const fieldOverrides: Readonly<Record<string, Partial<LevelProbabilities> | undefined>> = overrides[field] ?? {};
    const unknown = Object.keys(fieldOverrides).filter((level) => !(level in defaults));
    if (unknown.length > 0) {
      throw new MpiError(MpiErrorCode.InvalidParameters, `${field} has no level ${unknown.join(', ')}`);
    }
    resolved[field] = {};
    for (const level of Object.keys(defaults)) {
      const probabilities = { ...defaults[level], ...fieldOverrides[level] };
      for (const key of ['m', 'u'] as const) {
        const p = probabilities[key];
        if (!(p > 0 && p < 1)) {
          throw new MpiError(MpiErrorCode.InvalidParameters, `${field}.${level}.${key} must lie strictly between 0 and 1, got ${p}`);
        }
      }
      resolved[field][level] = probabilities;
    }
    for (const key of ['m', 'u'] as const) {
      const sum = Object.values(resolved[field]).reduce((total, p) => total + p[key], 0);
      if (!(sum < 1)) {
        throw new MpiError(MpiErrorCode.InvalidParameters, `${field}: the ${key} of its agreement levels sum to ${sum}, leaving nothing for disagreement`);
      }
    }
  }
  return resolved as unknown as MatchParameters;
}
