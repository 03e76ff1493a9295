// Who may call what. Consent then decides per patient and category; the roles only
// say who takes part at all.
import type { Principal, Role } from '@carechain/auth';
import type { Requester } from '@carechain/records-domain';

/** Those who document care. */
export const WRITE_ROLES: [Role, ...Role[]] = ['clinician', 'practitioner'];
/** Those who read records under a purpose of use: care, and payers for payment. */
export const READ_ROLES: [Role, ...Role[]] = ['clinician', 'practitioner', 'payer'];
/** Those who may point another organisation at a record they can read. */
export const SHARE_ROLES: [Role, ...Role[]] = ['clinician', 'practitioner'];

export function requesterOf(principal: Principal): Requester {
  return { subject: principal.subject, organisation: principal.organisation, roles: principal.roles };
}
