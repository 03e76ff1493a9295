// A synthetic patient population with ground truth, for the matcher's specs and
// benchmark: `people` distinct people each registered once, and `duplicates`
// re-registrations of randomly chosen people (see re-registration.ts), each placed
// after the first one. The same seed gives the same records.
//
// People come partly in households (shared family name, address, often the
// landline), a few of them twins (same birth date too): the hard negatives a matcher
// must not link. Every record is typed in by desk-entry.ts, so its layout varies.
import type { Demographics, Identifier } from '@carechain/contracts';
import { nicknamesOf } from '../nickname.table';
import { foldName } from '../text-fold';
import { typeIn } from './desk-entry';
import { CITIES, EMAIL_DOMAINS, FAMILY_NAMES, FEMALE_GIVEN_NAMES, HOSPITAL_MRN_SYSTEMS, MALE_GIVEN_NAMES, STREET_NAMES, STREET_TYPES } from './name-lists';
import { Prng, SkewedPicker } from './prng';
import { reRegistration, type ReRegistrationContext } from './re-registration';
import type { NoiseKind, SyntheticAddress, SyntheticRegistration } from './synthetic-registration';

export type { NoiseKind } from './synthetic-registration';

export interface PopulationOptions {
  readonly seed: number;
  /** Distinct people, each registered once. */
  readonly people: number;
  /** Re-registrations of randomly chosen people (some more than once). */
  readonly duplicates: number;
}

export interface PopulationRecord {
  /** Unique per registration, in registration order (r0000001, …). */
  readonly recordId: string;
  /** The person registered: equal for a first registration and its duplicates. */
  readonly trueId: string;
  readonly duplicate: boolean;
  /** The noise a duplicate carries; empty for first registrations and exact repeats. */
  readonly noise: readonly NoiseKind[];
  readonly demographics: Demographics;
  readonly identifiers: readonly Identifier[];
}

// Shares of the synthetic population, near what registries report: about one
// person in ten registers alongside a household member, twins are a few percent
// of births, most adults have a phone.
const HOUSEHOLD_SHARE = 0.1;
const TWIN_SHARE_OF_HOUSEHOLDS = 0.05;
const SHARED_LANDLINE = 0.6;
const MIDDLE_NAME = 0.3;
const NATIONAL_ID = 0.4;
const HAS_PHONE = 0.9;
const HAS_EMAIL = 0.7;
const HAS_ADDRESS = 0.95;
const POSTCODES_PER_CITY = 60;
const POSTCODE_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];
const FIRST_BIRTH_DAY = Date.UTC(1930, 0, 1) / 86_400_000;
const LAST_BIRTH_DAY = Date.UTC(2020, 11, 31) / 86_400_000;
// 3^18 is coprime to 10^9, so counter ↦ counter·3^18 mod 10^9 never repeats a number.
const SSN_MULTIPLIER = 387_420_489;

export function generatePopulation(options: PopulationOptions): PopulationRecord[] {
  return new PopulationGenerator(options.seed).generate(options.people, options.duplicates);
}

class PopulationGenerator implements ReRegistrationContext {
  readonly rng: Prng;
  private readonly female = new SkewedPicker(FEMALE_GIVEN_NAMES);
  private readonly male = new SkewedPicker(MALE_GIVEN_NAMES);
  private readonly families = new SkewedPicker(FAMILY_NAMES);
  private readonly cities: SkewedPicker<readonly [string, readonly string[]]>;
  private readonly mrnCounters: number[];
  private readonly emails = new Set<string>();
  private ssnCounter: number;

  constructor(seed: number) {
    this.rng = new Prng(seed);
    this.cities = new SkewedPicker(CITIES.map(([city, area]) => [city, this.postcodes(area)] as const));
    this.mrnCounters = HOSPITAL_MRN_SYSTEMS.map(() => 1_000_000 + this.rng.int(1_000_000));
    this.ssnCounter = 1 + this.rng.int(1_000_000);
  }

  generate(people: number, duplicates: number): PopulationRecord[] {
    const truths: SyntheticRegistration[] = [];
    for (let i = 0; i < people; i++) {
      const head = truths.length > 0 && this.rng.chance(HOUSEHOLD_SHARE) ? this.rng.pick(truths) : undefined;
      truths.push(this.person(head));
    }
    const personId = (i: number) => `p${String(i + 1).padStart(7, '0')}`;
    const entries = truths.map((registration, i) => ({ at: i, trueId: personId(i), duplicate: false, noise: [] as NoiseKind[], registration }));
    for (let d = 0; d < duplicates && people > 0; d++) {
      const i = this.rng.int(people);
      const { registration, noise } = reRegistration(this, truths[i]);
      // Somewhere after the first registration, uniformly.
      entries.push({ at: i + 0.5 + this.rng.next() * (people - i - 0.5), trueId: personId(i), duplicate: true, noise, registration });
    }
    entries.sort((a, b) => a.at - b.at);
    return entries.map((entry, i) => ({
      recordId: `r${String(i + 1).padStart(7, '0')}`,
      trueId: entry.trueId,
      duplicate: entry.duplicate,
      noise: entry.noise,
      ...typeIn(this.rng, entry.registration),
    }));
  }

  otherFamily(family: string): string {
    let other = this.families.pick(this.rng);
    while (foldName(other) === foldName(family)) other = this.families.pick(this.rng);
    return other;
  }

  newMrn(hospital: number): string {
    return `${'ABC'[hospital]}${this.mrnCounters[hospital]++}`;
  }

  private person(head: SyntheticRegistration | undefined): SyntheticRegistration {
    const gender = this.gender();
    let given = this.givenName(gender);
    // A household does not reuse a first name (nor a nickname of one).
    for (let tries = 0; head && tries < 20 && sameCanonical(given, head.given); tries++) given = this.givenName(gender);
    const family = head?.family ?? this.families.pick(this.rng);
    const hospital = this.rng.int(HOSPITAL_MRN_SYSTEMS.length);
    const twin = head !== undefined && this.rng.chance(TWIN_SHARE_OF_HOUSEHOLDS);
    return {
      given,
      middle: this.rng.chance(MIDDLE_NAME) ? this.givenName(gender) : undefined,
      family,
      gender,
      birth: twin ? head.birth : this.birthDate(),
      phone: head?.phone && this.rng.chance(SHARED_LANDLINE) ? head.phone : this.rng.chance(HAS_PHONE) ? `07${this.rng.digits(9)}` : undefined,
      email: this.rng.chance(HAS_EMAIL) ? this.email(given, family) : undefined,
      address: head ? head.address : this.rng.chance(HAS_ADDRESS) ? this.address() : undefined,
      hospital,
      mrn: this.newMrn(hospital),
      nationalId: this.rng.chance(NATIONAL_ID) ? this.ssn() : undefined,
    };
  }

  private gender(): Demographics['gender'] {
    const roll = this.rng.next();
    return roll < 0.49 ? 'female' : roll < 0.98 ? 'male' : roll < 0.99 ? 'other' : 'unknown';
  }

  private givenName(gender: Demographics['gender']): string {
    const female = gender === 'female' || ((gender === 'other' || gender === 'unknown') && this.rng.chance(0.5));
    return (female ? this.female : this.male).pick(this.rng);
  }

  private birthDate(): readonly [number, number, number] {
    const date = new Date((FIRST_BIRTH_DAY + this.rng.int(LAST_BIRTH_DAY - FIRST_BIRTH_DAY + 1)) * 86_400_000);
    return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }

  // Unique, as e-mail addresses are: a taken one gets a number.
  private email(given: string, family: string): string {
    const local = `${foldName(given).replace(/ /g, '')}${this.rng.pick(['.', '_', ''])}${foldName(family).replace(/ /g, '')}`;
    let email = `${local}@${this.rng.pick(EMAIL_DOMAINS)}`;
    while (this.emails.has(email)) email = `${local}${this.rng.int(1000)}@${this.rng.pick(EMAIL_DOMAINS)}`;
    this.emails.add(email);
    return email;
  }

  private address(): SyntheticAddress {
    const [city, postcodes] = this.cities.pick(this.rng);
    return {
      number: 1 + this.rng.int(250),
      street: this.rng.pick(STREET_NAMES),
      type: this.rng.pick(STREET_TYPES),
      city,
      postalCode: this.rng.pick(postcodes),
    };
  }

  private postcodes(area: string): string[] {
    const letter = () => this.rng.pick(POSTCODE_LETTERS);
    return Array.from({ length: POSTCODES_PER_CITY }, () => `${area}${1 + this.rng.int(20)} ${this.rng.int(10)}${letter()}${letter()}`);
  }

  private ssn(): string {
    const n = String((this.ssnCounter++ * SSN_MULTIPLIER) % 1_000_000_000).padStart(9, '0');
    return `${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`;
  }
}

function sameCanonical(a: string, b: string): boolean {
  const x = foldName(a);
  const y = foldName(b);
  return x === y || nicknamesOf(x).includes(y) || nicknamesOf(y).includes(x);
}
