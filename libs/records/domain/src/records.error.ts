// records' one domain error: an enum of codes, mapped to HTTP at the edge
// (apps/records). Messages carry ids and codes only, never a resource's content.
import type { DenyReason } from '@carechain/consent-decision';
import type { FhirIssue } from '@carechain/records-fhir';

export enum RecordsErrorCode {
  PatientNotFound = 'patient-not-found',
  PatientErased = 'patient-erased',
  /** The patient was merged into another: write to the survivor. */
  PatientMerged = 'patient-merged',
  RecordNotFound = 'record-not-found',
  /** Not a valid FHIR R4 resource of a type carechain stores: see `issues`. */
  InvalidResource = 'invalid-resource',
  /** The resource is about someone other than the patient it is filed under. */
  SubjectMismatch = 'subject-mismatch',
  /** An amendment must keep the record's resource type (and so its consent category). */
  ResourceTypeChanged = 'resource-type-changed',
  /** An amendment named a version (If-Match) that is no longer the latest. */
  VersionConflict = 'version-conflict',
  /** Consent does not permit the caller: see `denyReason`. */
  AccessDenied = 'access-denied',
  /** Consent does not permit the organisation a record was to be shared with: see `denyReason`. */
  ShareNotPermitted = 'share-not-permitted',
  /** The patient's key has not reached this instance yet (or a record's key version): retry. */
  KeysUnavailable = 'keys-unavailable',
}

export interface RecordsErrorDetails {
  readonly issues?: readonly FhirIssue[];
  readonly denyReason?: DenyReason;
  /** For PatientMerged: the patient to write to instead. */
  readonly survivorId?: string;
}

export class RecordsError extends Error {
  constructor(
    readonly code: RecordsErrorCode,
    message: string,
    readonly details: RecordsErrorDetails = {},
  ) {
    super(message);
    this.name = 'RecordsError';
  }
}

export function recordNotFound(recordId: string): RecordsError {
  return new RecordsError(RecordsErrorCode.RecordNotFound, `no record ${recordId}`);
}

export function patientErased(patientId: string): RecordsError {
  return new RecordsError(RecordsErrorCode.PatientErased, `patient ${patientId} was erased`);
}
