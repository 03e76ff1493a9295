// Synthetic patients: made-up names with a run-unique marker, so a later scan of
// logs and ledger blocks can look for exactly these strings.
import { randomBytes } from 'node:crypto';

export interface TestPatient {
  readonly body: {
    demographics: { name: { given: string[]; family: string }; birthDate: string; gender: 'female' | 'male' };
    identifiers: { system: string; value: string }[];
  };
  /** Strings that must never appear outside identity's own data (logs, chain). */
  readonly phi: string[];
}

export function testPatient(n = 0): TestPatient {
  const marker = randomBytes(4).toString('hex');
  const family = `Zyxtest${marker}`;
  const given = `Quorra${n}${marker.slice(0, 4)}`;
  const birthDate = `19${String(40 + (n % 50)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 10}`;
  const mrn = `MRN-${marker}-${n}`;
  return {
    body: {
      demographics: { name: { given: [given], family }, birthDate, gender: n % 2 ? 'male' : 'female' },
      identifiers: [{ system: 'urn:carechain:mrn:hospital-a', value: mrn }],
    },
    phi: [family, given, birthDate, mrn],
  };
}
