// Scores a pair of registrations as the Fellegi–Sunter log-likelihood ratio, in
// bits: each field adds log2(m/u) for the level it reaches (log2((1−Σm)/(1−Σu)) for
// disagreement, 0 when missing on a side). A total of t means the pair's evidence
// is 2^t times likelier for one person than for two.
//
// Some levels forbid an automatic link whatever the total (the "veto"): a first
// name that is not positively the same (exact, a nickname or a typo: twins share
// everything else, and a twin's first name is often the other's middle name or a
// near-spelling), a different birth date, a different national id. Independence of
// the fields, which Fellegi–Sunter assumes, fails exactly there; classify() sends
// such pairs to review at most. A shared MRN or national id lifts the veto of a
// merely weak first name: twins and household members never share one.
//
// Independence also fails for a household: family name, phone and address travel
// together (a parent and child share all three), so their product of u-values
// (~1e-10) would claim far more than the ~1e-5 chance of two people sharing a home.
// Of those fields' agreements only the strongest counts; their disagreements all do.
// Each FieldScore's weight is its contribution, so the weights add up to the total.
import {
  MISSING,
  compareAddress,
  compareBirthDate,
  compareEmail,
  compareFamily,
  compareGender,
  compareGiven,
  compareIdentifiers,
  comparePhone,
  disagree,
} from './field-comparators';
import { FIELD_LEVELS, MATCH_FIELDS, resolveParameters, type MatchField, type MatchLevel, type MatchParameterOverrides, type MatchParameters } from './match-parameters';
import type { NormalisedPerson } from './normalised-person';

/** Systems whose values are unique per person nation-wide: a different value there is strong disagreement. */
export const DEFAULT_NATIONAL_ID_SYSTEMS: readonly string[] = [
  'urn:oid:2.16.840.1.113883.4.1', // US Social Security Number
  'https://fhir.nhs.uk/Id/nhs-number', // NHS number (England, Wales)
  'urn:oid:2.16.840.1.113883.2.1.4.1', // NHS number, as an OID
];

/** The levels that rule out an automatic link, per field. */
export const VETO_LEVELS: { readonly [F in MatchField]?: readonly MatchLevel[] } = {
  given: ['middle', 'similar', 'initial', 'disagree'],
  birthDate: ['disagree'],
  nationalId: ['disagree'],
};

/** The veto levels that a shared identifier (nationalId or localId exact) lifts. */
export const SOFT_VETO_LEVELS: { readonly [F in MatchField]?: readonly MatchLevel[] } = {
  given: ['middle', 'similar', 'initial'],
};

const NO_VETO = 0;
const SOFT_VETO = 1;
const HARD_VETO = 2;

/** Fields a household shares: of their positive weights only the largest is counted. */
export const HOUSEHOLD_FIELDS: readonly MatchField[] = ['family', 'phone', 'address'];

export interface FieldScore {
  readonly field: MatchField;
  readonly level: MatchLevel;
  /**
   * Bits of evidence this field adds to the total, positive for the same person: its
   * Fellegi–Sunter weight, or 0 for a household field's agreement outweighed by another's.
   */
  readonly weight: number;
}

/** A scored pair. Levels and weights only: no value of either record, so it may be logged and shown. */
export interface MatchScore {
  readonly total: number;
  /** One entry per field, in MATCH_FIELDS order. */
  readonly fields: readonly FieldScore[];
  /** The first field whose level forbids an automatic link (see VETO_LEVELS), if any. */
  readonly veto?: MatchField;
}

/** The breakdown-free result of MatchScorer.assess, for ranking many candidates. */
export interface MatchAssessment {
  readonly total: number;
  readonly veto?: MatchField;
}

export interface MatchScorerOptions {
  /**
   * m/u values laid over DEFAULT_MATCH_PARAMETERS, per field and level, e.g.
   * `{ phone: { exact: { m: 0.6 } } }` where phones change often. Checked on construction.
   */
  readonly parameters?: MatchParameterOverrides;
  /** Identifier systems treated as national ids; the rest are local (MRNs). */
  readonly nationalIdSystems?: readonly string[];
}

type Comparator = (a: NormalisedPerson, b: NormalisedPerson) => number;

export class MatchScorer {
  readonly parameters: MatchParameters;
  // weights[f][level]: agreement levels first, then disagreement, as the comparators number them.
  private readonly weights: readonly Float64Array[];
  private readonly comparators: readonly Comparator[];
  // vetoes[f][level]: NO_VETO, SOFT_VETO or HARD_VETO for field f at that level.
  private readonly vetoes: readonly (readonly number[])[];
  private readonly identifierFields: readonly number[];
  private readonly household: readonly boolean[];
  private readonly scratch = new Int8Array(MATCH_FIELDS.length);

  constructor(options: MatchScorerOptions = {}) {
    this.parameters = resolveParameters(options.parameters);
    this.weights = MATCH_FIELDS.map((field) => fieldWeights(this.parameters, field));
    const national = new Set(options.nationalIdSystems ?? DEFAULT_NATIONAL_ID_SYSTEMS);
    const isNational = (system: string) => national.has(system);
    const isLocal = (system: string) => !national.has(system);
    const byField: Record<MatchField, Comparator> = {
      nationalId: (a, b) => compareIdentifiers(a.identifiers, b.identifiers, isNational, 'nationalId'),
      localId: (a, b) => compareIdentifiers(a.identifiers, b.identifiers, isLocal, 'localId'),
      given: compareGiven,
      family: compareFamily,
      birthDate: compareBirthDate,
      gender: compareGender,
      phone: comparePhone,
      email: compareEmail,
      address: compareAddress,
    };
    this.comparators = MATCH_FIELDS.map((field) => byField[field]);
    this.household = MATCH_FIELDS.map((field) => HOUSEHOLD_FIELDS.includes(field));
    this.vetoes = MATCH_FIELDS.map((field) =>
      Array.from({ length: disagree(field) + 1 }, (_, level) => {
        const name = levelName(field, level);
        if (!(VETO_LEVELS[field] ?? []).includes(name)) return NO_VETO;
        return (SOFT_VETO_LEVELS[field] ?? []).includes(name) ? SOFT_VETO : HARD_VETO;
      }),
    );
    this.identifierFields = [MATCH_FIELDS.indexOf('nationalId'), MATCH_FIELDS.indexOf('localId')];
  }

  /** The full comparison of `a` and `b`, with a per-field breakdown. Symmetric. */
  score(a: NormalisedPerson, b: NormalisedPerson): MatchScore {
    const levels = Int8Array.from(this.comparators, (compare) => compare(a, b));
    const { total, veto } = this.summarise(levels);
    const weights = this.contributions(levels);
    const fields: FieldScore[] = MATCH_FIELDS.map((field, f) => ({ field, level: levelName(field, levels[f]), weight: weights[f] }));
    return veto === undefined ? { total, fields } : { total, fields, veto };
  }

  /** The total and veto of score(a, b), without building the breakdown: for ranking many candidates. */
  assess(a: NormalisedPerson, b: NormalisedPerson): MatchAssessment {
    for (let f = 0; f < this.comparators.length; f++) this.scratch[f] = this.comparators[f](a, b);
    return this.summarise(this.scratch);
  }

  // One summation for score() and assess(), so both classify a pair alike to the last bit.
  private summarise(levels: Int8Array): MatchAssessment {
    let total = 0;
    let householdBest = 0;
    let veto: MatchField | undefined;
    const sharedIdentifier = this.identifierFields.some((f) => levels[f] === 0);
    for (let f = 0; f < levels.length; f++) {
      const level = levels[f];
      if (level === MISSING) continue;
      const weight = this.weights[f][level];
      if (this.household[f] && weight > 0) householdBest = Math.max(householdBest, weight);
      else total += weight;
      const vetoed = this.vetoes[f][level];
      if (vetoed === HARD_VETO || (vetoed === SOFT_VETO && !sharedIdentifier)) veto ??= MATCH_FIELDS[f];
    }
    total += householdBest;
    return veto === undefined ? { total } : { total, veto };
  }

  // Each field's share of the total: a household field's agreement weighs 0 unless it is the strongest.
  private contributions(levels: Int8Array): number[] {
    const weights = Array.from(levels, (level, f) => (level === MISSING ? 0 : this.weights[f][level]));
    let strongest = -1;
    weights.forEach((w, f) => {
      if (this.household[f] && w > 0 && (strongest < 0 || w > weights[strongest])) strongest = f;
    });
    return weights.map((w, f) => (this.household[f] && w > 0 && f !== strongest ? 0 : w));
  }

  /** The weight a field contributes at a level (0 for missing). */
  weight(field: MatchField, level: MatchLevel): number {
    if (level === 'missing') return 0;
    const levels: readonly string[] = FIELD_LEVELS[field];
    const index = level === 'disagree' ? levels.length : levels.indexOf(level);
    return index < 0 ? Number.NaN : this.weights[MATCH_FIELDS.indexOf(field)][index];
  }
}

function fieldWeights(parameters: MatchParameters, field: MatchField): Float64Array {
  const levels: readonly { m: number; u: number }[] = Object.values(parameters[field]);
  const ordered = FIELD_LEVELS[field].map((level) => (parameters[field] as Readonly<Record<string, { m: number; u: number }>>)[level]);
  const m = levels.reduce((sum, p) => sum + p.m, 0);
  const u = levels.reduce((sum, p) => sum + p.u, 0);
  return Float64Array.from([...ordered.map((p) => Math.log2(p.m / p.u)), Math.log2((1 - m) / (1 - u))]);
}

function levelName(field: MatchField, level: number): MatchLevel {
  if (level === MISSING) return 'missing';
  return level === disagree(field) ? 'disagree' : FIELD_LEVELS[field][level];
}
