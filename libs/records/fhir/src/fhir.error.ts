// One error type for the lib. Validation never throws (it returns issues); these
// are programming errors in what the service asks the builders to produce.
export enum FhirErrorCode {
  UnsupportedResourceType = 'UNSUPPORTED_RESOURCE_TYPE',
  InvalidId = 'INVALID_ID',
  InvalidInstant = 'INVALID_INSTANT',
  InvalidBundle = 'INVALID_BUNDLE',
}

export class FhirError extends Error {
  constructor(
    readonly code: FhirErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'FhirError';
  }
}
