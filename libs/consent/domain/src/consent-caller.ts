// Who is calling, from a verified token, and the two relationships consent
// authorises on: the patient themself, and staff of the patient's custodian (the
// organisation holding the records, which records paper consents and revocations).
import { ConsentError, ConsentErrorCode } from './consent.error';

export interface Caller {
  /** The token's subject: for a patient, their patient id. */
  readonly subject: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  /** A service identity's granted purposes of use (its token's `purposes`). */
  readonly purposes?: readonly string[];
  /** A service identity bound to one patient (its token's `patient` claim): lists that patient's consents on their request. */
  readonly patient?: string;
}

/** Staff roles that may record or revoke consent for patients of their own organisation. */
export const CUSTODIAN_STAFF_ROLES: readonly string[] = ['registrar', 'clinician', 'admin'];

// Event envelopes and consent actors hold subjects of at most 128 characters, tokens
// may carry up to 256: such a caller's actions could not be recorded, so they are refused.
const MAX_RECORDED_SUBJECT = 128;

export function isPatientSelf(caller: Caller, patientId: string): boolean {
  return caller.roles.includes('patient') && caller.subject === patientId;
}

export function isCustodianStaff(caller: Caller, custodian: string): boolean {
  return caller.organisation === custodian && caller.roles.some((r) => CUSTODIAN_STAFF_ROLES.includes(r));
}

/** Throws INVALID_REQUEST when the caller's subject is too long to appear in an event. */
export function assertRecordable(caller: Caller): void {
  if (caller.subject.length > MAX_RECORDED_SUBJECT) {
    throw new ConsentError(ConsentErrorCode.InvalidRequest, `subject ids longer than ${MAX_RECORDED_SUBJECT} characters cannot be recorded in consent events`);
  }
}
