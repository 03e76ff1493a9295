// One well-filled registration for the specs, and its normalised form; each spec
// overrides only what it is about.
import type { Demographics, Identifier } from '@carechain/contracts';
import { normalise } from '../normalise';
import type { NormalisedPerson } from '../normalised-person';

export const MRN_A = 'https://hospital-a.example/mrn';
export const MRN_B = 'https://hospital-b.example/mrn';
export const SSN = 'urn:oid:2.16.840.1.113883.4.1';

export interface RegistrationOverrides {
  readonly given?: string[];
  readonly family?: string;
  readonly birthDate?: string;
  readonly gender?: Demographics['gender'];
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly address?: Demographics['address'][number] | null;
  readonly identifiers?: Identifier[];
}

export function aRegistration(o: RegistrationOverrides = {}): { demographics: Demographics; identifiers: Identifier[] } {
  const telecom: Demographics['telecom'] = [];
  if (o.phone !== null) telecom.push({ system: 'phone', value: o.phone ?? '07700 900123' });
  if (o.email !== null) telecom.push({ system: 'email', value: o.email ?? 'margaret.oneill@example.com' });
  const address = o.address === null ? [] : [o.address ?? { line: ['12 Oak Road'], city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' }];
  return {
    demographics: {
      name: { given: o.given ?? ['Margaret', 'Anne'], family: o.family ?? "O'Neill" },
      birthDate: o.birthDate ?? '1961-03-07',
      gender: o.gender ?? 'female',
      telecom,
      address,
    },
    identifiers: o.identifiers ?? [{ system: MRN_A, value: 'A1234567' }],
  };
}

export function aPerson(o: RegistrationOverrides = {}): NormalisedPerson {
  const { demographics, identifiers } = aRegistration(o);
  return normalise(demographics, identifiers);
}

/** Someone who shares nothing with aPerson(): no name, date, contact, address or identifier. */
export const A_STRANGER: RegistrationOverrides = {
  given: ['Tobias'],
  family: 'Lindqvist',
  birthDate: '1990-11-20',
  gender: 'male',
  phone: '07911 123456',
  email: 'tobias@example.org',
  address: { line: ['1 Elm Way'], city: 'York', postalCode: 'YO1 7HH' },
  identifiers: [{ system: MRN_B, value: 'B99' }],
};
