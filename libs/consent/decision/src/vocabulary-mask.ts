// Categories and purposes as bits, so that "does the grant cover every requested
// category" is one AND instead of nested array scans on the hot path. Typed as total
// records over the contract's unions: a new category or purpose in @carechain/contracts
// fails the typecheck here until it gets a bit.
import type { DataCategory, PurposeOfUse } from '@carechain/contracts';
import { ConsentDecisionError, type ConsentDecisionErrorCode } from './consent-decision.error';

const CATEGORY_BIT: Readonly<Record<DataCategory, number>> = {
  conditions: 1 << 0,
  allergies: 1 << 1,
  medications: 1 << 2,
  observations: 1 << 3,
  encounters: 1 << 4,
  appointments: 1 << 5,
  communications: 1 << 6,
  billing: 1 << 7,
  demographics: 1 << 8,
};

const PURPOSE_BIT: Readonly<Record<PurposeOfUse, number>> = {
  TREAT: 1 << 0,
  ETREAT: 1 << 1,
  HPAYMT: 1 << 2,
  HOPERAT: 1 << 3,
  HRESCH: 1 << 4,
  PATRQT: 1 << 5,
  PUBHLTH: 1 << 6,
};

// Maps, not the records above: a lookup of "toString" must find no bit, and Map.get
// stays fast whatever the key.
const CATEGORY_BITS = new Map<string, number>(Object.entries(CATEGORY_BIT));
const PURPOSE_BITS = new Map<string, number>(Object.entries(PURPOSE_BIT));

/** `code` says whose input it is (a request's or a grant's); `field` names it in the error. */
export function categoryMask(categories: readonly DataCategory[], code: ConsentDecisionErrorCode, field: string): number {
  let mask = 0;
  for (let i = 0; i < categories.length; i++) {
    const bit = CATEGORY_BITS.get(categories[i]);
    if (bit === undefined) throw new ConsentDecisionError(code, `${field} holds an unknown record category`);
    mask |= bit;
  }
  return mask;
}

export function purposeMask(purposes: readonly PurposeOfUse[], code: ConsentDecisionErrorCode, field: string): number {
  let mask = 0;
  for (let i = 0; i < purposes.length; i++) mask |= purposeBit(purposes[i], code, field);
  return mask;
}

export function purposeBit(purpose: PurposeOfUse, code: ConsentDecisionErrorCode, field: string): number {
  const bit = PURPOSE_BITS.get(purpose);
  if (bit === undefined) throw new ConsentDecisionError(code, `${field} holds an unknown purpose of use`);
  return bit;
}

/** The bit of one category, known to be valid (it came through categoryMask). */
export function bitOf(category: DataCategory): number {
  return CATEGORY_BIT[category];
}
