// Distinct synthetic people for load generation: names from random syllables and
// random birth dates, so the master patient index sees different people (a shared
// family name with a numeric suffix would be, rightly, linked as one person).
import { randomBytes, randomInt } from 'node:crypto';

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

export function syllables(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += CONSONANTS[randomInt(CONSONANTS.length)]! + VOWELS[randomInt(VOWELS.length)]!;
  return out[0]!.toUpperCase() + out.slice(1);
}

export function syntheticRegistration(i: number, system = 'urn:carechain:mrn:bench') {
  const birthDate = `${1930 + randomInt(80)}-${String(1 + randomInt(12)).padStart(2, '0')}-${String(1 + randomInt(28)).padStart(2, '0')}`;
  return {
    demographics: { name: { given: [syllables(3)], family: syllables(4) }, birthDate, gender: randomInt(2) ? 'male' : 'female' },
    identifiers: [{ system, value: `B-${randomBytes(4).toString('hex')}-${i}` }],
  };
}
