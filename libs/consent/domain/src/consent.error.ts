// consent's one domain error: an enum of codes, mapped to HTTP only at the edge
// (apps/consent/src/consent.problems.ts). Denials are not errors: they are Decisions.
export enum ConsentErrorCode {
  PatientNotFound = 'patient-not-found',
  PatientErased = 'patient-erased',
  /** The patient was merged into another: consent is given on the survivor, whose grants now govern both. */
  PatientMerged = 'patient-merged',
  GrantNotFound = 'grant-not-found',
  /** The grant was revoked or expired (by event or by time): it cannot end twice. */
  GrantEnded = 'grant-ended',
  /** Another revocation of the grant is being published right now. */
  RevocationPending = 'revocation-pending',
  /** The caller may not act on this patient's consent. */
  Forbidden = 'forbidden',
  /** Well-formed but unacceptable: an empty or past validity window, an unsigned validFrom… */
  InvalidRequest = 'invalid-request',
  /** The signature names no key the patient registered (or the patient has none). */
  SigningKeyUnknown = 'signing-key-unknown',
  /** The signature does not verify under the patient's key over the action's signing payload. */
  SignatureInvalid = 'signature-invalid',
}

export class ConsentError extends Error {
  constructor(
    readonly code: ConsentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ConsentError';
  }
}
