// Treatment purposes: the custodian reads for them without a grant, and break-glass
// is only for them (an emergency is a treatment need, never payment or research).
import type { PurposeOfUse } from '@carechain/contracts';

export const TREATMENT_PURPOSES: readonly PurposeOfUse[] = ['TREAT', 'ETREAT'];

export function isTreatment(purpose: PurposeOfUse): boolean {
  return purpose === 'TREAT' || purpose === 'ETREAT';
}
