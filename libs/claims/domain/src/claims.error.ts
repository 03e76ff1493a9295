// claims' one domain error: an enum of codes, mapped to HTTP at the edge
// (apps/claims). Messages carry ids, states and codes only, never a resource's content.
import type { FhirIssue } from '@carechain/records-fhir';
import type { ClaimStatus } from './claim-status';

export enum ClaimsErrorCode {
  PatientNotFound = 'patient-not-found',
  PatientErased = 'patient-erased',
  /** Not a valid FHIR R4 resource of the expected type, or a required binding broken: see `issues`. */
  InvalidResource = 'invalid-resource',
  /** Valid FHIR, but not a claim carechain can take (no service date, a coverage of another patient…): see `issues`. */
  UnprocessableClaim = 'unprocessable-claim',
  CoverageNotFound = 'coverage-not-found',
  ClaimNotFound = 'claim-not-found',
  /** The caller may not see or do this. */
  Forbidden = 'forbidden',
  /** The claim's state does not allow the transition: see `currentStatus`. */
  InvalidTransition = 'invalid-transition',
  /** A benefit plan that does not parse. */
  InvalidPlan = 'invalid-plan',
  /** A benefit plan version not newer than the one in force. */
  PlanVersionConflict = 'plan-version-conflict',
  /** The patient's key has not reached this instance yet: retry. */
  KeysUnavailable = 'keys-unavailable',
}

export interface ClaimsErrorDetails {
  readonly issues?: readonly FhirIssue[];
  readonly currentStatus?: ClaimStatus;
}

export class ClaimsError extends Error {
  constructor(
    readonly code: ClaimsErrorCode,
    message: string,
    readonly details: ClaimsErrorDetails = {},
  ) {
    super(message);
    this.name = 'ClaimsError';
  }
}

export function claimNotFound(claimId: string): ClaimsError {
  return new ClaimsError(ClaimsErrorCode.ClaimNotFound, `no claim ${claimId}`);
}

export function forbidden(message: string): ClaimsError {
  return new ClaimsError(ClaimsErrorCode.Forbidden, message);
}

/** A claim that FHIR accepts but claims cannot process, located like a FHIR issue. */
export function unprocessable(path: string, message: string): ClaimsError {
  return new ClaimsError(ClaimsErrorCode.UnprocessableClaim, message, { issues: [{ path, code: 'value', message }] });
}
