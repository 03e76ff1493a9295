// Who may call what. Consent then decides per patient and category; the roles only
// say who takes part at all.
import type { PurposeOfUse } from '@carechain/contracts';
import { rolesFor, type Principal, type Role } from '@carechain/auth';
import { usualPurpose } from '@carechain/consent-decision';

/** Those who document care. */
export const WRITE_ROLES: [Role, ...Role[]] = ['clinician', 'practitioner'];
/** Those who read records under a purpose of use: care, payers for payment, and patients their own. */
export const READ_ROLES: [Role, ...Role[]] = rolesFor('records.read');
/** Those who may point another organisation at a record they can read. */
export const SHARE_ROLES: [Role, ...Role[]] = ['clinician', 'practitioner'];

/** A principal as the consent decision's requester. */
export { requesterOf } from '@carechain/consent-decision';

/** The purpose a read states, or the caller's usual one (PATRQT for a patient, TREAT for care, HPAYMT for a payer). */
export function readPurpose(principal: Principal, stated: PurposeOfUse | undefined): PurposeOfUse {
  return stated ?? usualPurpose(principal.roles) ?? (principal.purposes?.[0] as PurposeOfUse | undefined) ?? 'TREAT';
}
