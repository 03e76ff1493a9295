// One comparator per field: which level of FIELD_LEVELS a pair reaches. A
// comparator returns the level's index in FIELD_LEVELS[field], DISAGREE(field) for
// the residual level, or MISSING when either side lacks the field.
import { withinOneEdit } from './edit-distance';
import { jaroWinkler } from './jaro-winkler';
import { FIELD_LEVELS, type MatchField } from './match-parameters';
import type { NormalisedAddress, NormalisedIdentifier, NormalisedPerson } from './normalised-person';

export const MISSING = -1;
export const disagree = (field: MatchField): number => FIELD_LEVELS[field].length;

// Jaro–Winkler cut-offs from the Census practice for names: ≥ 0.92 is almost always
// a typo of the same name, 0.85–0.92 is a coin toss.
export const CLOSE_SIMILARITY = 0.92;
export const SIMILAR_SIMILARITY = 0.85;
// One keying error in a two-letter name (Al/Ed) is another name.
const MIN_LENGTH_FOR_EDIT = 3;

const GIVEN = { exact: 0, nickname: 1, close: 2, middle: 3, swapped: 4, similar: 5, initial: 6, disagree: 7 } as const;
const FAMILY = { exact: 0, close: 1, part: 2, swapped: 3, similar: 4, disagree: 5 } as const;
const BIRTH = { exact: 0, typo: 1, transposed: 2, partial: 3, year: 4, disagree: 5 } as const;
const ADDRESS = { exact: 0, close: 1, line: 2, postcode: 3, nearby: 4, city: 5, disagree: 6 } as const;
// Street lines are long: a typo keeps Jaro–Winkler above this, another street rarely reaches it.
export const CLOSE_LINE_SIMILARITY = 0.9;
// Postcodes shorter than this are not told apart from another by one edit.
const MIN_POSTCODE_FOR_EDIT = 4;

function close(a: string, b: string): boolean {
  return (Math.min(a.length, b.length) >= MIN_LENGTH_FOR_EDIT && withinOneEdit(a, b)) || jaroWinkler(a, b) >= CLOSE_SIMILARITY;
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    if (b.includes(x)) return true;
  }
  return false;
}

/**
 * Names entered in the wrong fields: 2 when given and family are swapped, 1 when one
 * side's given name is the other's family name or the reverse (a swap with one name
 * then replaced), 0 otherwise.
 */
export function namesCrossed(a: NormalisedPerson, b: NormalisedPerson): number {
  if (a.given.length === 0 || b.given.length === 0 || a.family === '' || b.family === '' || a.family === b.family) return 0;
  return (close(a.givenJoined, b.family) ? 1 : 0) + (close(a.family, b.givenJoined) ? 1 : 0);
}

export function compareGiven(a: NormalisedPerson, b: NormalisedPerson): number {
  if (a.given.length === 0 || b.given.length === 0) return MISSING;
  const x = a.given[0];
  const y = b.given[0];
  if (x === y || a.givenJoined === b.givenJoined) return GIVEN.exact;
  if (intersects(a.givenCanonical, b.givenCanonical)) return GIVEN.nickname;
  // Jaro–Winkler once, for both the close and the similar level.
  const similarity = jaroWinkler(x, y);
  const joinedDiffer = a.givenJoined !== x || b.givenJoined !== y;
  if (
    similarity >= CLOSE_SIMILARITY ||
    (Math.min(x.length, y.length) >= MIN_LENGTH_FOR_EDIT && withinOneEdit(x, y)) ||
    (joinedDiffer && close(a.givenJoined, b.givenJoined))
  )
    return GIVEN.close;
  // A middle name used as the first one (John Michael → Michael).
  if (a.given.indexOf(y, 1) > 0 || b.given.indexOf(x, 1) > 0) return GIVEN.middle;
  if (namesCrossed(a, b) > 0) return GIVEN.swapped;
  if (similarity >= SIMILAR_SIMILARITY || a.givenPhonetic[0] === b.givenPhonetic[0]) return GIVEN.similar;
  if ((x.length === 1 || y.length === 1) && x[0] === y[0]) return GIVEN.initial;
  return GIVEN.disagree;
}

export function compareFamily(a: NormalisedPerson, b: NormalisedPerson): number {
  if (a.family === '' || b.family === '') return MISSING;
  if (a.family === b.family) return FAMILY.exact;
  const similarity = jaroWinkler(a.family, b.family);
  if (similarity >= CLOSE_SIMILARITY || (Math.min(a.family.length, b.family.length) >= MIN_LENGTH_FOR_EDIT && withinOneEdit(a.family, b.family)))
    return FAMILY.close;
  // Double-barrelled and compound names: García López vs García, Smith-Jones vs Jones.
  if (intersects(a.familyTokens, b.familyTokens)) return FAMILY.part;
  if (namesCrossed(a, b) === 2) return FAMILY.swapped;
  if (similarity >= SIMILAR_SIMILARITY || a.familyPhonetic[0] === b.familyPhonetic[0]) return FAMILY.similar;
  return FAMILY.disagree;
}

// One keying error in the eight digits YYYYMMDD: one digit wrong, or two adjacent ones swapped.
function oneDigitOff(x: string, y: string): boolean {
  let first = -1;
  let differences = 0;
  for (let i = 0; i < x.length; i++) {
    if (x.charCodeAt(i) === y.charCodeAt(i)) continue;
    if (++differences === 1) first = i;
  }
  if (differences === 1) return true;
  return differences === 2 && x[first] === y[first + 1] && x[first + 1] === y[first];
}

export function compareBirthDate(a: NormalisedPerson, b: NormalisedPerson): number {
  const x = a.birth;
  const y = b.birth;
  if (x === undefined || y === undefined) return MISSING;
  const year = x.year === y.year;
  const month = x.month === y.month;
  const day = x.day === y.day;
  if (year && month && day) return BIRTH.exact;
  if (oneDigitOff(a.birthDigits, b.birthDigits)) return BIRTH.typo;
  // US and European day/month order mixed up at the desk.
  if (year && x.month === y.day && x.day === y.month) return BIRTH.transposed;
  if ((year && month) || (year && day) || (month && day)) return BIRTH.partial;
  return year ? BIRTH.year : BIRTH.disagree;
}

export function compareGender(a: NormalisedPerson, b: NormalisedPerson): number {
  if (a.gender === undefined || b.gender === undefined) return MISSING;
  return a.gender === b.gender ? 0 : disagree('gender');
}

function compareSets(a: readonly string[], b: readonly string[], field: MatchField): number {
  if (a.length === 0 || b.length === 0) return MISSING;
  return intersects(a, b) ? 0 : disagree(field);
}

export const comparePhone = (a: NormalisedPerson, b: NormalisedPerson): number => compareSets(a.phones, b.phones, 'phone');
export const compareEmail = (a: NormalisedPerson, b: NormalisedPerson): number => compareSets(a.emails, b.emails, 'email');

export function compareAddress(a: NormalisedPerson, b: NormalisedPerson): number {
  let comparable = false;
  let best: number = ADDRESS.disagree;
  for (const x of a.addresses) {
    for (const y of b.addresses) {
      const level = compareOneAddress(x, y);
      comparable ||= level !== MISSING;
      if (level !== MISSING && level < best) best = level;
    }
  }
  return comparable ? best : MISSING;
}

function compareOneAddress(x: NormalisedAddress, y: NormalisedAddress): number {
  const postcodes = x.postalCode !== '' && y.postalCode !== '';
  const lines = x.line !== '' && y.line !== '';
  const cities = x.city !== '' && y.city !== '';
  if (!postcodes && !lines && !cities) return MISSING;
  const samePostcode = postcodes && x.postalCode === y.postalCode;
  const sameCity = cities && x.city === y.city;
  const sameLine = lines && x.line === y.line;
  // Without a postcode on one side, the same line in the same city will do.
  const samePlace = samePostcode || (!postcodes && sameCity);
  if (sameLine && samePlace) return ADDRESS.exact;
  const nearPostcode =
    postcodes && !samePostcode && Math.min(x.postalCode.length, y.postalCode.length) >= MIN_POSTCODE_FOR_EDIT && withinOneEdit(x.postalCode, y.postalCode);
  if (sameLine && (sameCity || nearPostcode)) return ADDRESS.close;
  if (samePlace && lines && jaroWinkler(x.line, y.line) >= CLOSE_LINE_SIMILARITY) return ADDRESS.close;
  if (sameLine) return ADDRESS.line;
  if (samePostcode) return ADDRESS.postcode;
  if (nearPostcode && sameCity) return ADDRESS.nearby;
  return sameCity ? ADDRESS.city : ADDRESS.disagree;
}

/**
 * Identifiers of the systems `inScope` accepts: agreement when both records carry the
 * same value in one system, disagreement when they share a system but no value.
 */
export function compareIdentifiers(
  a: readonly NormalisedIdentifier[],
  b: readonly NormalisedIdentifier[],
  inScope: (system: string) => boolean,
  field: 'nationalId' | 'localId',
): number {
  let sharedSystem = false;
  for (const x of a) {
    if (!inScope(x.system)) continue;
    for (const y of b) {
      if (x.system !== y.system) continue;
      if (x.value === y.value) return 0;
      sharedSystem = true;
    }
  }
  return sharedSystem ? disagree(field) : MISSING;
}
