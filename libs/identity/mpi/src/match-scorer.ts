// Scores a pair of registrations as the Fellegi–Sunter log-likelihood ratio, in
// bits: each field adds log2(m/u) for the level it reaches (log2((1−Σm)/(1−Σu)) for
// disagreement, 0 when missing on a side). A total of t means the pair's evidence
// is 2^t times likelier for one person than for two. The m/u come from a MatchModel:
// the hand-set prior, or parameters estimated from the population (em-estimation.ts).
//
// An exact agreement on a family or first given name is weighed by how common that
// name is (term frequencies, when the index passes them): log2(m / share of the name).
//
// A disagreement lowers the score by its weight and never forbids a link by itself.
// Only what the data proves rules out an automatic link whatever the total (the
// "veto", classify() sends such pairs to review at most):
//   - a different national id, or a different administrative gender where both are known;
//   - the twins rule: the same birth date and family name, and first names that are
//     not positively the same — a middle name used as the first, a merely similar
//     spelling or an initial (a twin's name is often the other's middle name or a
//     near-spelling), or a plainly different name where the gender is known and the
//     same. Twins share everything else. A shared MRN or national id lifts it. A
//     plainly different first name where gender is unknown on a side cannot be told
//     from a substituted one (which independent data shows is common): there the
//     learned weight of the disagreement decides.
//
// Independence, which Fellegi–Sunter assumes, fails for a household: family name,
// phone and address travel together (a parent and child share all three). When the
// first names are not the same (nor a nickname, nor one typo apart when there is no
// birth date to compare) and the birth dates are not the same or one typo apart, the
// pair looks like a household (siblings are often given
// similar names): of those fields' agreements only the strongest counts.
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
import { priorModel, type MatchModel } from './match-model';
import { FIELD_LEVELS, MATCH_FIELDS, type MatchField, type MatchLevel, type MatchParameterOverrides, type MatchParameters } from './match-parameters';
import type { NormalisedPerson } from './normalised-person';
import type { TermFrequencies } from './term-frequencies';

/** Systems whose values are unique per person nation-wide: a different value there is strong disagreement. */
export const DEFAULT_NATIONAL_ID_SYSTEMS: readonly string[] = [
  'urn:oid:2.16.840.1.113883.4.1', // US Social Security Number
  'https://fhir.nhs.uk/Id/nhs-number', // NHS number (England, Wales)
  'urn:oid:2.16.840.1.113883.2.1.4.1', // NHS number, as an OID
];

/** The levels that rule out an automatic link, per field, whatever the rest says. */
export const VETO_LEVELS: { readonly [F in MatchField]?: readonly MatchLevel[] } = {
  nationalId: ['disagree'],
  gender: ['disagree'],
};

/** Fields a household shares: when the pair looks like a household, of their positive weights only the largest is counted. */
export const HOUSEHOLD_FIELDS: readonly MatchField[] = ['family', 'phone', 'address'];

// Field indices and level numbers the rules read (see FIELD_LEVELS).
const F = Object.fromEntries(MATCH_FIELDS.map((field, i) => [field, i])) as Readonly<Record<MatchField, number>>;
const level = <Fd extends MatchField>(field: Fd, name: MatchLevel): number =>
  name === 'disagree' ? disagree(field) : (FIELD_LEVELS[field] as readonly string[]).indexOf(name);
const GIVEN_DISAGREE = level('given', 'disagree');
// First-name levels that are a twin's as often as one person's (see the twins rule).
const TWIN_GIVEN_LEVELS = new Set([level('given', 'middle'), level('given', 'similar'), level('given', 'initial')]);
const GIVEN_EXACT = level('given', 'exact');
const GIVEN_NICKNAME = level('given', 'nickname');
const GIVEN_CLOSE = level('given', 'close');
const FAMILY_EXACT = level('family', 'exact');
const FAMILY_CLOSE = level('family', 'close');
const BIRTH_EXACT = level('birthDate', 'exact');
// Birth dates this close are one person's (a typo or day/month swap), not a household's.
const BIRTH_SAME_PERSON = new Set([BIRTH_EXACT, level('birthDate', 'typo'), level('birthDate', 'transposed')]);

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
  /** The first field whose level forbids an automatic link (see VETO_LEVELS and the twins rule), if any. */
  readonly veto?: MatchField;
  /** The version of the model that weighed it. */
  readonly modelVersion: string;
}

/** The breakdown-free result of MatchScorer.assess, for ranking many candidates. */
export interface MatchAssessment {
  readonly total: number;
  readonly veto?: MatchField;
}

export interface MatchScorerOptions {
  /** The parameters to weigh with (default: the prior with `parameters` laid over it). */
  readonly model?: MatchModel;
  /**
   * m/u values laid over DEFAULT_MATCH_PARAMETERS, per field and level, e.g.
   * `{ phone: { exact: { m: 0.6 } } }` where phones change often. Checked on construction.
   * Ignored when `model` is given.
   */
  readonly parameters?: MatchParameterOverrides;
  /** Identifier systems treated as national ids; the rest are local (MRNs). */
  readonly nationalIdSystems?: readonly string[];
}

type Comparator = (a: NormalisedPerson, b: NormalisedPerson) => number;

export class MatchScorer {
  readonly model: MatchModel;
  readonly parameters: MatchParameters;
  readonly nationalIdSystems: readonly string[];
  // weights[f][level]: agreement levels first, then disagreement, as the comparators number them.
  private readonly weights: readonly Float64Array[];
  private readonly comparators: readonly Comparator[];
  // vetoes[f][level]: whether field f at that level forbids an automatic link.
  private readonly vetoes: readonly (readonly boolean[])[];
  private readonly household: readonly boolean[];
  private readonly givenExactM: number;
  private readonly familyExactM: number;
  private readonly scratch = new Int8Array(MATCH_FIELDS.length);

  constructor(options: MatchScorerOptions = {}) {
    this.model = options.model ?? priorModel(options.parameters);
    this.parameters = this.model.parameters;
    this.weights = MATCH_FIELDS.map((field) => fieldWeights(this.parameters, field));
    this.givenExactM = this.parameters.given.exact.m;
    this.familyExactM = this.parameters.family.exact.m;
    this.nationalIdSystems = options.nationalIdSystems ?? DEFAULT_NATIONAL_ID_SYSTEMS;
    const national = new Set(this.nationalIdSystems);
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
    this.vetoes = MATCH_FIELDS.map((field) => Array.from({ length: disagree(field) + 1 }, (_, l) => (VETO_LEVELS[field] ?? []).includes(levelName(field, l))));
  }

  /** A scorer with the same options and another model (after a refit). */
  withModel(model: MatchModel): MatchScorer {
    return new MatchScorer({ model, nationalIdSystems: this.nationalIdSystems });
  }

  /** The comparison level of each field (MATCH_FIELDS order; -1 when missing on a side), for estimation. */
  levels(a: NormalisedPerson, b: NormalisedPerson, into: Int8Array = new Int8Array(MATCH_FIELDS.length)): Int8Array {
    for (let f = 0; f < this.comparators.length; f++) into[f] = this.comparators[f](a, b);
    return into;
  }

  /** The full comparison of `a` and `b`, with a per-field breakdown. Symmetric. */
  score(a: NormalisedPerson, b: NormalisedPerson, frequencies?: TermFrequencies): MatchScore {
    const levels = this.levels(a, b);
    const weights = this.contributions(levels, a, frequencies);
    // The same summation as assess(), so both classify a pair alike to the last bit.
    const total = this.total(levels, a, frequencies);
    const veto = this.veto(levels);
    const fields: FieldScore[] = MATCH_FIELDS.map((field, f) => ({ field, level: levelName(field, levels[f]), weight: weights[f] }));
    const modelVersion = this.model.version;
    return veto === undefined ? { total, fields, modelVersion } : { total, fields, veto, modelVersion };
  }

  /** The total and veto of score(a, b), without building the breakdown: for ranking many candidates. */
  assess(a: NormalisedPerson, b: NormalisedPerson, frequencies?: TermFrequencies): MatchAssessment {
    const levels = this.levels(a, b, this.scratch);
    const veto = this.veto(levels);
    const total = this.total(levels, a, frequencies);
    return veto === undefined ? { total } : { total, veto };
  }

  // The sum of contributions() without allocating: assess() runs for every candidate.
  private total(levels: Int8Array, a: NormalisedPerson, frequencies: TermFrequencies | undefined): number {
    const householdLike = this.householdLike(levels);
    let total = 0;
    let householdBest = 0;
    for (let f = 0; f < levels.length; f++) {
      const l = levels[f];
      if (l === MISSING) continue;
      const w = this.weightAt(f, l, a, frequencies);
      if (householdLike && this.household[f] && w > 0) householdBest = Math.max(householdBest, w);
      else total += w;
    }
    return total + householdBest;
  }

  private householdLike(levels: Int8Array): boolean {
    const given = levels[F.given];
    // A one-typo first name with no birth date to compare is a mistyped name, not a sibling's.
    const sameGiven = given === GIVEN_EXACT || given === GIVEN_NICKNAME || (given === GIVEN_CLOSE && levels[F.birthDate] === MISSING);
    return given !== MISSING && !sameGiven && !BIRTH_SAME_PERSON.has(levels[F.birthDate]);
  }

  // The weight of field f at level l, term-frequency adjusted for an exact name.
  private weightAt(f: number, l: number, a: NormalisedPerson, frequencies: TermFrequencies | undefined): number {
    if (frequencies !== undefined && f === F.given && l === GIVEN_EXACT) {
      const share = frequencies.givenShare(a.given[0]);
      if (share !== undefined) return Math.log2(this.givenExactM / share);
    }
    if (frequencies !== undefined && f === F.family && l === FAMILY_EXACT) {
      const share = frequencies.familyShare(a.family);
      if (share !== undefined) return Math.log2(this.familyExactM / share);
    }
    return this.weights[f][l];
  }

  private veto(levels: Int8Array): MatchField | undefined {
    for (let f = 0; f < levels.length; f++) {
      if (levels[f] !== MISSING && this.vetoes[f][levels[f]]) return MATCH_FIELDS[f];
    }
    const given = levels[F.given];
    const twinNames = TWIN_GIVEN_LEVELS.has(given) || (given === GIVEN_DISAGREE && levels[F.gender] === 0);
    const twins = twinNames && levels[F.birthDate] === BIRTH_EXACT && (levels[F.family] === FAMILY_EXACT || levels[F.family] === FAMILY_CLOSE);
    const sharedIdentifier = levels[F.nationalId] === 0 || levels[F.localId] === 0;
    return twins && !sharedIdentifier ? 'given' : undefined;
  }

  // Each field's share of the total: the weight of its level, term-frequency adjusted for
  // exact names, and in a household-like pair 0 for all but the strongest household agreement.
  private contributions(levels: Int8Array, a: NormalisedPerson, frequencies: TermFrequencies | undefined): number[] {
    const weights = Array.from(levels, (l, f) => (l === MISSING ? 0 : this.weightAt(f, l, a, frequencies)));
    if (!this.householdLike(levels)) return weights;
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
