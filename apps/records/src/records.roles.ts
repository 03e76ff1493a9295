// Who may call what. Consent then decides per patient and category; the roles only
// say who takes part at all.
import type { PurposeOfUse } from '@carechain/contracts';
import type { Principal, Role } from '@carechain/auth';
import { OWN_RECORDS_PURPOSE, PATIENT_ROLE, ROLE_PURPOSES } from '@carechain/consent-decision';
import type { Requester } from '@carechain/records-domain';

/** Those who document care. */
export const WRITE_ROLES: [Role, ...Role[]] = ['clinician', 'practitioner'];
/** Those who read records under a purpose of use: care, payers for payment, and patients their own. */
export const READ_ROLES: [Role, ...Role[]] = ['clinician', 'practitioner', 'payer', 'patient'];
/** Those who may point another organisation at a record they can read. */
export const SHARE_ROLES: [Role, ...Role[]] = ['clinician', 'practitioner'];

export function requesterOf(principal: Principal): Requester {
  return { subject: principal.subject, organisation: principal.organisation, roles: principal.roles };
}

/**
 * The purpose a read states, or the caller's usual one: PATRQT for a patient, else
 * the first purpose one of its roles carries (TREAT for care, HPAYMT for a payer).
 */
export function readPurpose(principal: Principal, stated: PurposeOfUse | undefined): PurposeOfUse {
  if (stated !== undefined) return stated;
  if (principal.roles.includes(PATIENT_ROLE)) return OWN_RECORDS_PURPOSE;
  for (const role of principal.roles) {
    const usual = ROLE_PURPOSES[role]?.[0];
    if (usual !== undefined) return usual;
  }
  return 'TREAT';
}
