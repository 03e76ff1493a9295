// A second synthetic population, for evaluation only: nothing in the matcher was
// tuned on it (thresholds are tuned on population.ts). It shares no name list, no
// typo routine and no noise mix with population.ts: names are built from syllables
// with a Zipf popularity, addresses from generated street and town names, and every
// duplicate is corrupted by the documented, configurable model below. Demographics
// only: no identifier, phone or e-mail, as in the FEBRL benchmark.
//
// Corruption model (each duplicate; probabilities are CorruptionModel's fields):
//   substituteGiven  the first name replaced by another (a middle name, a sibling's, a mistake)
//   swapNames        given and family name entered the other way round
//   missing          each of given name, family name, birth date, address dropped
//   typo             each of given, family, street line, town, postcode: one keying error
//                    (a neighbouring key, a dropped, doubled or transposed character)
//   dateDigit        one digit of the birth date wrong
//   dateTranspose    two adjacent digits of the birth date swapped
//   dayMonth         day and month swapped (only when the day is ≤ 12)
//   moved            a new address altogether
//   unknownGender    gender recorded as unknown (on any record)
// Some people share a household (family name and address) and a few are twins
// (birth date too): the hard negatives.
import type { Demographics } from '@carechain/contracts';
import { Prng, SkewedPicker } from './prng';
import type { EvaluationRecord } from './evaluate';

export interface CorruptionModel {
  readonly substituteGiven: number;
  readonly swapNames: number;
  readonly missing: number;
  readonly typo: number;
  readonly dateDigit: number;
  readonly dateTranspose: number;
  readonly dayMonth: number;
  readonly moved: number;
  readonly unknownGender: number;
}

export const DEFAULT_CORRUPTION: CorruptionModel = {
  substituteGiven: 0.05,
  swapNames: 0.03,
  missing: 0.04,
  typo: 0.12,
  dateDigit: 0.04,
  dateTranspose: 0.02,
  dayMonth: 0.02,
  moved: 0.08,
  unknownGender: 0.2,
};

export interface IndependentPopulationOptions {
  readonly seed: number;
  readonly people: number;
  /** Duplicates per original: each person gets up to this many (geometric), default 3. */
  readonly maxDuplicates?: number;
  /** Share of people with at least one duplicate (default 0.5). */
  readonly duplicatedShare?: number;
  readonly corruption?: Partial<CorruptionModel>;
  readonly householdShare?: number;
  readonly twinShare?: number;
  /**
   * dedup (default): one file, originals and duplicates shuffled together.
   * linkage: two files, every person once in each (the second corrupted), the first file registered first.
   */
  readonly task?: 'dedup' | 'linkage';
}

interface Person {
  id: string;
  given: string;
  family: string;
  birth: string; // YYYYMMDD
  gender: 'female' | 'male';
  line: string;
  town: string;
  postcode: string;
}

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'kl', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'th', 'ck', 'm', 'nd', 'rt', 'ss'];
const STREET_KINDS = ['st', 'road', 'ave', 'lane', 'close', 'way', 'crescent', 'grove'];
const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function word(rng: Prng, syllables: number): string {
  let out = '';
  for (let i = 0; i < syllables; i++) out += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
  return out;
}

/** A vocabulary with a Zipf-like popularity (weight 1/(rank + 10)): the commonest of 20,000 family names is ≈ 1.3 % of people. */
function vocabulary(rng: Prng, size: number, syllables: () => number): SkewedPicker<string> {
  const values = new Set<string>();
  while (values.size < size) values.add(word(rng, syllables()));
  return new SkewedPicker([...values]);
}

function neighbourKey(rng: Prng, c: string): string {
  for (const row of KEYBOARD) {
    const at = row.indexOf(c);
    if (at >= 0) return row[Math.min(row.length - 1, Math.max(0, at + (rng.chance(0.5) ? 1 : -1)))];
  }
  return rng.pick([...'0123456789']);
}

/** One keying error: a neighbouring key, a dropped, doubled or transposed character. */
export function keyingError(rng: Prng, value: string): string {
  if (value.length < 2) return value;
  const at = rng.int(value.length - 1);
  const c = value[at];
  switch (rng.int(4)) {
    case 0:
      return value.slice(0, at) + neighbourKey(rng, c) + value.slice(at + 1);
    case 1:
      return value.slice(0, at) + value.slice(at + 1);
    case 2:
      return value.slice(0, at) + c + value.slice(at);
    default:
      return value.slice(0, at) + value[at + 1] + c + value.slice(at + 2);
  }
}

const isRealDate = (d: string): boolean => {
  const [y, m, day] = [Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, day));
  return /^\d{8}$/.test(d) && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day && y < 2026;
};

export function generateIndependentPopulation(options: IndependentPopulationOptions): EvaluationRecord[] {
  const rng = new Prng(options.seed ^ 0x5eed1e55);
  const model = { ...DEFAULT_CORRUPTION, ...options.corruption };
  const maxDuplicates = options.maxDuplicates ?? 3;
  const duplicatedShare = options.duplicatedShare ?? 0.5;
  const given = { female: vocabulary(rng, 3000, () => 2 + rng.int(2)), male: vocabulary(rng, 3000, () => 1 + rng.int(3)) };
  const family = vocabulary(rng, 20000, () => 2 + rng.int(2));
  const streets = vocabulary(rng, 4000, () => 2 + rng.int(2));
  const towns = Array.from({ length: 400 }, () => ({
    name: word(rng, 2 + rng.int(2)),
    postcodes: Array.from({ length: 8 }, () => String(1000 + rng.int(9000))),
  }));
  const address = () => {
    const town = rng.pick(towns);
    return { line: `${1 + rng.int(300)} ${streets.pick(rng)} ${rng.pick(STREET_KINDS)}`, town: town.name, postcode: rng.pick(town.postcodes) };
  };
  const birth = () => {
    const day = new Date(Date.UTC(1920, 0, 1) + rng.int(100 * 365) * 86_400_000);
    return `${day.getUTCFullYear()}${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}`;
  };

  const people: Person[] = [];
  while (people.length < options.people) {
    const gender = rng.chance(0.5) ? 'female' : 'male';
    const head: Person = { id: `p${people.length}`, given: given[gender].pick(rng), family: family.pick(rng), birth: birth(), gender, ...address() };
    people.push(head);
    if (rng.chance(options.householdShare ?? 0.1)) {
      const twin = rng.chance(options.twinShare ?? 0.05);
      const g = rng.chance(0.5) ? 'female' : 'male';
      people.push({ ...head, id: `p${people.length}`, gender: g, given: given[g].pick(rng), birth: twin ? head.birth : birth() });
    }
  }

  const corrupt = (p: Person): Person => {
    let r = { ...p };
    if (rng.chance(model.substituteGiven)) r.given = given[p.gender].pick(rng);
    if (rng.chance(model.swapNames)) r = { ...r, given: r.family, family: r.given };
    if (rng.chance(model.moved)) r = { ...r, ...address() };
    for (const field of ['given', 'family', 'line', 'town', 'postcode'] as const) if (rng.chance(model.typo)) r[field] = keyingError(rng, r[field]);
    const digits = [...r.birth];
    if (rng.chance(model.dateDigit)) digits[rng.int(8)] = String(rng.int(10));
    if (rng.chance(model.dateTranspose)) {
      const at = rng.int(7);
      [digits[at], digits[at + 1]] = [digits[at + 1], digits[at]];
    }
    if (rng.chance(model.dayMonth) && Number(r.birth.slice(6)) <= 12) digits.splice(4, 4, ...r.birth.slice(6), ...r.birth.slice(4, 6));
    r.birth = digits.join('');
    for (const field of ['given', 'family', 'birth', 'line'] as const) if (rng.chance(model.missing)) r[field] = '';
    return r;
  };

  const toRecord = (p: Person, recordId: string): EvaluationRecord => {
    const demographics: Demographics = {
      name: { given: p.given ? [p.given] : [], ...(p.family && { family: p.family }) },
      ...(isRealDate(p.birth) && { birthDate: `${p.birth.slice(0, 4)}-${p.birth.slice(4, 6)}-${p.birth.slice(6)}` }),
      gender: rng.chance(model.unknownGender) ? 'unknown' : p.gender,
      telecom: [],
      address:
        p.line || p.postcode
          ? [{ line: p.line ? [p.line] : [], ...(p.town && { city: p.town }), ...(p.postcode && { postalCode: p.postcode }), country: 'AU' }]
          : [],
    };
    return { recordId, trueId: p.id, demographics, identifiers: [] };
  };

  let n = 0;
  if (options.task === 'linkage') {
    const first = shuffle(
      rng,
      people.map((p) => toRecord(p, `a${n++}`)),
    );
    const second = shuffle(
      rng,
      people.map((p) => toRecord(corrupt(p), `b${n++}`)),
    );
    return [...first, ...second];
  }
  const records: EvaluationRecord[] = [];
  for (const p of people) {
    records.push(toRecord(p, `i${n++}`));
    if (!rng.chance(duplicatedShare)) continue;
    let copies = 1;
    while (copies < maxDuplicates && rng.chance(0.4)) copies++;
    for (let c = 0; c < copies; c++) records.push(toRecord(corrupt(p), `i${n++}`));
  }
  return shuffle(rng, records);
}

function shuffle<T>(rng: Prng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
