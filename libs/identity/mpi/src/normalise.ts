// Turns a registration's demographics and identifiers into a NormalisedPerson.
// Total: malformed or absent parts (an unparsable date, a phone with too few digits,
// no given name) become missing, never an exception, so partial demographics are
// matched on what they have.
import type { Demographics, Identifier } from '@carechain/contracts';
import { canonicalGivenNames } from './nickname.table';
import type { BirthDate, NormalisedAddress, NormalisedIdentifier, NormalisedPerson } from './normalised-person';
import { foldText, nameTokens } from './text-fold';
import { nysiis } from './nysiis';

/** NYSIIS keys are cut to Taft's original 6 letters: late typos in long names then keep the key. */
export const PHONETIC_KEY_LENGTH = 6;

// The last 9 digits: long enough to be near-unique, short enough that the national
// trunk prefix and the country code drop out (+44 7700 900123 and 07700 900123 both
// end in 700900123; so do +33 6 12 34 56 78 and 06 12 34 56 78).
const PHONE_SIGNIFICANT_DIGITS = 9;
const PHONE_MIN_DIGITS = 7;

// Lower-case words that join a family name without identifying it (van der Berg,
// de la Cruz) and generational suffixes that registrations add or drop.
const FAMILY_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'y']);
const FAMILY_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

const STREET_WORDS: Readonly<Record<string, string>> = {
  street: 'st',
  road: 'rd',
  avenue: 'ave',
  lane: 'ln',
  drive: 'dr',
  court: 'ct',
  place: 'pl',
  crescent: 'cres',
  terrace: 'ter',
  square: 'sq',
  gardens: 'gdns',
  boulevard: 'blvd',
  apartment: 'apt',
  flat: 'apt',
};

export function normalise(demographics: Demographics, identifiers: readonly Identifier[]): NormalisedPerson {
  const name = demographics.name ?? { given: [] };
  const givenElements = (name.given ?? []).map(nameTokens).filter((words) => words.length > 0);
  const given = givenElements.flat();
  const givenCanonical = given.length === 0 ? [] : canonicalGivenNames(given[0]);
  const familyWords = nameTokens(name.family ?? '').filter((w) => !FAMILY_SUFFIXES.has(w));
  const family = familyWords.join('');
  const familyTokens = familyWords.filter((w) => w.length > 1 && !FAMILY_PARTICLES.has(w));
  const familyPhonetic = unique([family, ...(familyTokens.length > 1 ? familyTokens : [])].filter(Boolean).map(phonetic));
  const telecom = demographics.telecom ?? [];
  const birth = parseBirthDate(demographics.birthDate ?? '');
  return {
    given,
    givenJoined: givenElements.length === 0 ? '' : givenElements[0].join(''),
    givenCanonical,
    givenPhonetic: givenCanonical.map(phonetic),
    family,
    familyTokens,
    familyPhonetic,
    birth,
    birthDigits: birth === undefined ? '' : `${birth.year}`.padStart(4, '0') + `${birth.month}`.padStart(2, '0') + `${birth.day}`.padStart(2, '0'),
    gender: demographics.gender === 'unknown' ? undefined : demographics.gender,
    phones: unique(
      telecom
        .filter((t) => t.system === 'phone')
        .map((t) => normalisePhone(t.value))
        .filter(Boolean),
    ),
    emails: unique(
      telecom
        .filter((t) => t.system === 'email')
        .map((t) => t.value.trim().toLowerCase())
        .filter(Boolean),
    ),
    addresses: (demographics.address ?? []).map(normaliseAddress).filter((a) => a.line !== '' || a.postalCode !== '' || a.city !== ''),
    identifiers: uniqueBy(
      identifiers.map(normaliseIdentifier).filter((id) => id.system !== '' && id.value !== ''),
      (id) => `${id.system}\n${id.value}`,
    ),
  };
}

// NYSIIS reads Latin letters only; a name in another script is its own key.
function phonetic(folded: string): string {
  return nysiis(folded, PHONETIC_KEY_LENGTH) || folded;
}

export function parseBirthDate(iso: string): BirthDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, month, day } : undefined;
}

/** The last 9 digits of a phone number; "" for too few digits or placeholders such as 000000000. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.replace(/^0+/, '').length < PHONE_MIN_DIGITS) {
    return '';
  }
  const significant = digits.slice(-PHONE_SIGNIFICANT_DIGITS);
  return /^(\d)\1*$/.test(significant) ? '' : significant;
}

export function normalisePostalCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function normaliseIdentifier(identifier: Identifier): NormalisedIdentifier {
  return { system: identifier.system.trim(), value: identifier.value.replace(/[\s-]+/g, '').toUpperCase() };
}

function normaliseAddress(address: Demographics['address'][number]): NormalisedAddress {
  const firstLine = address.line?.[0] ?? '';
  return {
    line: foldText(firstLine)
      .split(' ')
      .map((word) => STREET_WORDS[word] ?? word)
      .join(' '),
    city: address.city ? foldText(address.city) : '',
    postalCode: address.postalCode ? normalisePostalCode(address.postalCode) : '',
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  values.forEach((value) => seen.set(key(value), seen.get(key(value)) ?? value));
  return [...seen.values()];
}
