// What the synthetic population knows about a registration before a desk types
// it in: the truth for a first registration, a noisy copy for a repeat.
import type { Demographics } from '@carechain/contracts';

export type NoiseKind =
  | 'typo-given'
  | 'typo-family'
  | 'transposition'
  | 'nickname'
  | 'swapped-day-month'
  | 'missing-phone'
  | 'missing-email'
  | 'missing-address'
  | 'other-hospital'
  | 'married-name';

export interface SyntheticAddress {
  readonly number: number;
  readonly street: string;
  readonly type: string;
  readonly city: string;
  readonly postalCode: string;
}

export interface SyntheticRegistration {
  readonly given: string;
  readonly middle?: string;
  readonly family: string;
  readonly gender: Demographics['gender'];
  readonly birth: readonly [year: number, month: number, day: number];
  /** National format, 11 digits: 07700900123. */
  readonly phone?: string;
  readonly email?: string;
  readonly address?: SyntheticAddress;
  /** Index into HOSPITAL_MRN_SYSTEMS. */
  readonly hospital: number;
  readonly mrn: string;
  /** SSN as ddd-dd-dddd. */
  readonly nationalId?: string;
}
