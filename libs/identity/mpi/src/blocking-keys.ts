// Blocking: the index compares a new registration only with records sharing at
// least one key. The passes are independent, so a single typo, a nickname, a
// swapped day/month, a married name or a missing phone leaves at least one pass
// intact:
//   id       each identifier (system + value)
//   ph, em   each phone, each e-mail
//   dp       birth date + postcode          (survives any name change)
//   fy       phonetic family + birth year   (survives given-name changes, day/month errors)
//   gd       phonetic given + {day, month}, the pair unordered (survives family-name
//            changes and a transposed day/month in one key)
//   gf       phonetic given + phonetic family, the pair unordered (survives birth-date
//            errors and given/family names swapped)
//   dc       birth date + city (survives both names and the postcode changing)
//   pl       postcode + first word of the address line, e.g. the house number
//            (survives names and birth date changing: a household at most)
//   fi       phonetic family + first letter of the given name + birth month
//            (survives a typo'd year and day and a new postcode)
//   di       birth date + first letter of the given name (survives a new family
//            name and address)
//   dn       birth date + the initials of given and family name, unordered (survives
//            the names swapped and mistyped past their first letter, and a new address)
//   fp       phonetic family + postcode (survives a new first name and birth-date typos)
//   fs       phonetic family + street (the address line without its house number):
//            survives a new first name and birth date, a mistyped number, postcode or city
//   ps       postcode + street: survives both names, the birth date and the house number
//   gs       phonetic given + street: survives a mistyped family name, no birth date and
//            a mistyped postcode together
// For 100,000 people each key holds a handful of records: a family name (~0.5%)
// over 90 birth years, a given name (~1%) over 366 days, a name pair over ~20,000
// pairs. Keys carry a tag and length-prefixed parts, so no two passes can collide.
import type { NormalisedPerson } from './normalised-person';

// A nickname (Al) can stand for several names; more than this many canonical forms
// of one first name only widen the blocks.
const MAX_GIVEN_FORMS = 4;

const key = (tag: string, ...parts: readonly (string | number)[]): string => `${tag}|${parts.map((p) => `${String(p).length}:${p}`).join('|')}`;

/** The blocking keys of a person, most selective pass first (the index reads them in this order), without duplicates. */
export function blockingKeys(p: NormalisedPerson): string[] {
  const keys: string[] = [];
  for (const id of p.identifiers) keys.push(key('id', id.system, id.value));
  for (const phone of p.phones) keys.push(key('ph', phone));
  for (const email of p.emails) keys.push(key('em', email));
  const birth = p.birth;
  const date = birth === undefined ? '' : `${birth.year}-${birth.month}-${birth.day}`;
  const postcodes = [...new Set(p.addresses.map((a) => a.postalCode).filter(Boolean))];
  const family = p.familyPhonetic[0];
  const givenForms = p.givenPhonetic.slice(0, MAX_GIVEN_FORMS);
  if (birth !== undefined) {
    for (const postcode of postcodes) keys.push(key('dp', date, postcode));
    for (const city of new Set(p.addresses.map((a) => a.city).filter(Boolean))) keys.push(key('dc', date, city));
    if (p.given.length > 0) keys.push(key('di', date, p.given[0][0]));
    if (p.given.length > 0 && p.family !== '') keys.push(key('dn', date, [p.given[0][0], p.family[0]].sort().join('')));
  }
  for (const address of p.addresses) {
    const first = address.line.split(' ', 1)[0];
    const street = address.line.replace(/^\d+\w?\s+/, '');
    if (address.postalCode !== '' && first !== '') keys.push(key('pl', address.postalCode, first));
    if (street !== '' && address.postalCode !== '') keys.push(key('ps', address.postalCode, street));
    if (street !== '' && family !== undefined) keys.push(key('fs', family, street));
    if (street !== '' && givenForms.length > 0) keys.push(key('gs', givenForms[0], street));
  }
  if (family !== undefined) {
    for (const postcode of postcodes) keys.push(key('fp', family, postcode));
  }
  if (birth !== undefined) {
    const dayMonth = `${Math.min(birth.month, birth.day)}-${Math.max(birth.month, birth.day)}`;
    for (const given of givenForms) keys.push(key('gd', given, dayMonth));
    if (family !== undefined && p.given.length > 0) keys.push(key('fi', family, p.given[0][0], birth.month));
    for (const f of p.familyPhonetic) keys.push(key('fy', f, birth.year));
  }
  if (family !== undefined) {
    for (const given of givenForms) keys.push(given < family ? key('gf', given, family) : key('gf', family, given));
  }
  return [...new Set(keys)];
}
