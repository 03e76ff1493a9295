// identity's one domain error: an enum of codes, mapped to HTTP at the edge.
export enum IdentityErrorCode {
  PatientNotFound = 'patient-not-found',
  PatientErased = 'patient-erased',
  ReviewNotFound = 'review-not-found',
  ReviewClosed = 'review-closed',
  CandidateUnderReview = 'candidate-under-review',
  MergeRefused = 'merge-refused',
  MergeRequestNotFound = 'merge-request-not-found',
  MergeRequestClosed = 'merge-request-closed',
  KeysUnavailable = 'keys-unavailable',
  BadSigningKey = 'bad-signing-key',
  Forbidden = 'forbidden',
}

export class IdentityError extends Error {
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}
