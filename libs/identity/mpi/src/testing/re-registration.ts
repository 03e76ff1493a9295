// A repeat registration of a known person, with the noise real desks produce: most
// repeats differ in one or two ways, a tenth not at all, and a few women come back
// under a married name with everything else unchanged.
import { nicknamesOf } from '../nickname.table';
import { foldName } from '../text-fold';
import { HOSPITAL_MRN_SYSTEMS } from './name-lists';
import type { Prng } from './prng';
import type { NoiseKind, SyntheticRegistration } from './synthetic-registration';
import { deleteLetter, insertLetter, substituteLetter, transposeLetters } from './typos';

const MARRIED_NAME_SHARE = 0.07;
// A repeat at the same hospital brings the old MRN only when the patient has the card.
const SAME_MRN_AT_SAME_HOSPITAL = 0.5;
const NATIONAL_ID_REPEATED = 0.7;
const MIDDLE_NAME_REPEATED = 0.7;
// Cumulative shares of repeats with 0 (an exact repeat), 1, 2 and 3 kinds of noise.
const NOISE_COUNT_CDF = [0.1, 0.65, 0.92, 1];

/** What a re-registration needs from the population: randomness, names, fresh MRNs. */
export interface ReRegistrationContext {
  readonly rng: Prng;
  otherFamily(family: string): string;
  newMrn(hospital: number): string;
}

export function reRegistration(ctx: ReRegistrationContext, truth: SyntheticRegistration): { registration: SyntheticRegistration; noise: NoiseKind[] } {
  const { rng } = ctx;
  const [year, month, day] = truth.birth;
  if (truth.gender === 'female' && year <= 2006 && rng.chance(MARRIED_NAME_SHARE)) {
    return { registration: { ...identifiersAgain(ctx, truth, false), family: ctx.otherFamily(truth.family) }, noise: ['married-name'] };
  }
  const applicable: NoiseKind[] = ['typo-given', 'typo-family', 'transposition', 'other-hospital'];
  if (nicknamesOf(foldName(truth.given)).length > 0) applicable.push('nickname');
  if (day <= 12 && day !== month) applicable.push('swapped-day-month');
  if (truth.phone) applicable.push('missing-phone');
  if (truth.email) applicable.push('missing-email');
  if (truth.address) applicable.push('missing-address');
  const count = NOISE_COUNT_CDF.findIndex((p) => rng.next() < p);
  const noise: NoiseKind[] = [];
  while (noise.length < count) {
    const kind = rng.pick(applicable);
    // A typo in a nickname is one error too many for the same name.
    const clash = (kind === 'nickname' && noise.includes('typo-given')) || (kind === 'typo-given' && noise.includes('nickname'));
    if (!noise.includes(kind) && !clash) noise.push(kind);
  }
  let r = identifiersAgain(ctx, truth, noise.includes('other-hospital'));
  // The nickname first: it is looked up from the true given name.
  for (const kind of [...noise].sort((x, y) => Number(y === 'nickname') - Number(x === 'nickname'))) r = applyNoise(ctx, kind, r, noise);
  return { registration: r, noise };
}

function applyNoise(ctx: ReRegistrationContext, kind: NoiseKind, r: SyntheticRegistration, all: readonly NoiseKind[]): SyntheticRegistration {
  const { rng } = ctx;
  switch (kind) {
    case 'typo-given':
      return { ...r, given: typo(rng, r.given) };
    case 'typo-family':
      return { ...r, family: typo(rng, r.family) };
    case 'transposition':
      // In the family name when the given name is already a nickname (see the clash above).
      return !all.includes('nickname') && rng.chance(0.5) ? { ...r, given: transposeLetters(rng, r.given) } : { ...r, family: transposeLetters(rng, r.family) };
    case 'nickname': {
      const nickname = rng.pick(nicknamesOf(foldName(r.given)));
      return { ...r, given: nickname.charAt(0).toUpperCase() + nickname.slice(1) };
    }
    case 'swapped-day-month':
      return { ...r, birth: [r.birth[0], r.birth[2], r.birth[1]] };
    case 'missing-phone':
      return { ...r, phone: undefined };
    case 'missing-email':
      return { ...r, email: undefined };
    case 'missing-address':
      return { ...r, address: undefined };
    case 'married-name':
      return { ...r, family: ctx.otherFamily(r.family) };
    case 'other-hospital':
      return r; // identifiersAgain moved it
  }
}

/** The identifiers a repeat carries: its hospital's MRN (maybe a fresh one), mostly the national id. */
function identifiersAgain(ctx: ReRegistrationContext, truth: SyntheticRegistration, otherHospital: boolean): SyntheticRegistration {
  const { rng } = ctx;
  const hospitals = HOSPITAL_MRN_SYSTEMS.length;
  const hospital = otherHospital ? (truth.hospital + 1 + rng.int(hospitals - 1)) % hospitals : truth.hospital;
  const sameMrn = !otherHospital && rng.chance(SAME_MRN_AT_SAME_HOSPITAL);
  return {
    ...truth,
    hospital,
    mrn: sameMrn ? truth.mrn : ctx.newMrn(hospital),
    nationalId: truth.nationalId && rng.chance(NATIONAL_ID_REPEATED) ? truth.nationalId : undefined,
    middle: truth.middle && rng.chance(MIDDLE_NAME_REPEATED) ? truth.middle : undefined,
  };
}

function typo(rng: Prng, word: string): string {
  const roll = rng.next();
  if (roll < 0.5) return substituteLetter(rng, word);
  return roll < 0.75 ? deleteLetter(rng, word) : insertLetter(rng, word);
}
