// Synthetic patients: made-up names, birth dates and MRNs that are random per run,
// so a later scan of logs and ledger blocks can look for exactly these strings, and
// so the master patient index sees different people (names built from random
// syllables differ everywhere, not only in a suffix a matcher would forgive).
import { randomBytes, randomInt } from 'node:crypto';

export interface TestPatient {
  readonly body: {
    demographics: { name: { given: string[]; family: string }; birthDate: string; gender: 'female' | 'male' };
    identifiers: { system: string; value: string }[];
  };
  /** Strings that must never appear outside identity's own data (logs, chain). */
  readonly phi: string[];
}

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

function syllables(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += CONSONANTS[randomInt(CONSONANTS.length)]! + VOWELS[randomInt(VOWELS.length)]!;
  return out[0]!.toUpperCase() + out.slice(1);
}

export function testPatient(n = 0): TestPatient {
  // Each ends in a letter the syllables never hold, so no name can be a word of the
  // Fabric blocks, logs or payloads the specs search for it ("Valida" was once: "Validation…").
  const family = `${syllables(4)}x`;
  const given = `${syllables(3)}q`;
  const birthDate = `${1930 + randomInt(80)}-${String(1 + randomInt(12)).padStart(2, '0')}-${String(1 + randomInt(28)).padStart(2, '0')}`;
  const mrn = `MRN-${randomBytes(4).toString('hex')}-${n}`;
  return {
    body: {
      demographics: { name: { given: [given], family }, birthDate, gender: randomInt(2) ? 'male' : 'female' },
      identifiers: [{ system: 'urn:carechain:mrn:hospital-a', value: mrn }],
    },
    phi: [family, given, birthDate, mrn],
  };
}
