// How a registration desk types a synthetic registration in: the same facts in
// varying case, with or without accents, phone numbers and postcodes in several
// layouts, abbreviated street types. Every record goes through it, so matching
// always depends on normalisation.
import type { Demographics, Identifier } from '@carechain/contracts';
import { HOSPITAL_MRN_SYSTEMS, US_SSN_SYSTEM } from './name-lists';
import type { Prng } from './prng';
import type { SyntheticAddress, SyntheticRegistration } from './synthetic-registration';
import { stripAccents } from './typos';

const ABBREVIATED_TYPES: Readonly<Record<string, string>> = { Street: 'St', Road: 'Rd', Avenue: 'Ave', Lane: 'Ln', Drive: 'Dr', Place: 'Pl', Court: 'Ct' };

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function typeIn(rng: Prng, r: SyntheticRegistration): { demographics: Demographics; identifiers: Identifier[] } {
  const [year, month, day] = r.birth;
  const telecom: Demographics['telecom'] = [];
  if (r.phone) telecom.push({ system: 'phone', value: phoneLayout(rng, r.phone) });
  if (r.email) telecom.push({ system: 'email', value: rng.chance(0.2) ? r.email.toUpperCase() : r.email });
  const mrn = rng.chance(0.2) ? `${r.mrn.slice(0, 1)}-${r.mrn.slice(1)}` : r.mrn;
  const identifiers: Identifier[] = [{ system: HOSPITAL_MRN_SYSTEMS[r.hospital], value: mrn }];
  if (r.nationalId) identifiers.push({ system: US_SSN_SYSTEM, value: rng.chance(0.5) ? r.nationalId : r.nationalId.replace(/-/g, '') });
  return {
    demographics: {
      name: { given: [nameLayout(rng, r.given), ...(r.middle ? [nameLayout(rng, r.middle)] : [])], family: nameLayout(rng, r.family) },
      birthDate: `${year}-${pad2(month)}-${pad2(day)}`,
      gender: r.gender,
      telecom,
      address: r.address ? [addressLayout(rng, r.address)] : [],
    },
    identifiers,
  };
}

function nameLayout(rng: Prng, name: string): string {
  const plain = rng.chance(0.3) ? stripAccents(name) : name;
  const roll = rng.next();
  return roll < 0.15 ? plain.toUpperCase() : roll < 0.2 ? plain.toLowerCase() : plain;
}

function phoneLayout(rng: Prng, phone: string): string {
  switch (rng.int(4)) {
    case 0:
      return phone;
    case 1:
      return `${phone.slice(0, 5)} ${phone.slice(5)}`;
    case 2:
      return `+44 ${phone.slice(1, 5)} ${phone.slice(5)}`;
    default:
      return `(${phone.slice(0, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
  }
}

function addressLayout(rng: Prng, a: SyntheticAddress): Demographics['address'][number] {
  const type = rng.chance(0.3) ? (ABBREVIATED_TYPES[a.type] ?? a.type) : a.type;
  const postalCode = rng.chance(0.2) ? a.postalCode.replace(' ', '') : rng.chance(0.1) ? a.postalCode.toLowerCase() : a.postalCode;
  return { line: [`${a.number}${rng.chance(0.2) ? ',' : ''} ${a.street} ${type}`], city: a.city, postalCode, country: 'GB' };
}
