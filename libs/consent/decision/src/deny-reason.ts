// Why a request was denied: a closed set, so callers can switch on it exhaustively and
// dashboards can count it. The messages are fixed text with no request data in them
// (a Decision carries no PHI, and a break-glass reason may well contain some).
export enum DenyReason {
  PatientUnknown = 'patient-unknown',
  PatientErased = 'patient-erased',
  /** No grant of the patient names the requesting organisation. */
  NoGrant = 'no-grant',
  PractitionerMismatch = 'practitioner-mismatch',
  PurposeNotGranted = 'purpose-not-granted',
  CategoryNotGranted = 'category-not-granted',
  GrantRevoked = 'grant-revoked',
  GrantExpired = 'grant-expired',
  GrantNotYetValid = 'grant-not-yet-valid',
  BreakGlassNotAllowed = 'break-glass-not-allowed',
  /** A patient asked for another patient's records. */
  NotOwnRecords = 'not-own-records',
  /** A patient asked for their own records under another purpose than PATRQT. */
  OwnRecordsPurpose = 'own-records-purpose',
  /** None of the requester's roles may assert the purpose of use (see ROLE_PURPOSES). */
  PurposeNotForRole = 'purpose-not-for-role',
}

export const DENY_REASONS: readonly DenyReason[] = Object.values(DenyReason);

export function denyMessage(reason: DenyReason): string {
  switch (reason) {
    case DenyReason.PatientUnknown:
      return 'The patient is not known.';
    case DenyReason.PatientErased:
      return "The patient's records have been erased.";
    case DenyReason.NoGrant:
      return 'The patient has granted the requesting organisation no access.';
    case DenyReason.PractitionerMismatch:
      return 'The grant is limited to another practitioner of the organisation.';
    case DenyReason.PurposeNotGranted:
      return 'No grant covers the purpose of use.';
    case DenyReason.CategoryNotGranted:
      return 'No grant covers some of the requested record categories.';
    case DenyReason.GrantRevoked:
      return 'The grant has been revoked.';
    case DenyReason.GrantExpired:
      return 'The grant has expired.';
    case DenyReason.GrantNotYetValid:
      return 'The grant is not valid yet.';
    case DenyReason.BreakGlassNotAllowed:
      return 'Break-glass needs the clinician role, a reason of 10 to 500 characters and a treatment purpose (TREAT or ETREAT).';
    case DenyReason.NotOwnRecords:
      return 'A patient may read their own records only.';
    case DenyReason.OwnRecordsPurpose:
      return 'A patient reads their own records for the purpose PATRQT (patient request).';
    case DenyReason.PurposeNotForRole:
      return "None of the requester's roles may read for this purpose of use.";
  }
}
