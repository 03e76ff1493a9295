export { FhirError, FhirErrorCode } from './fhir.error';
export type { FhirIssue, FhirIssueCode } from './fhir-issue';
export { FHIR_ISSUE_CODES } from './fhir-issue';
export type { SupportedResourceType } from './record-category';
export { SUPPORTED_RESOURCE_TYPES, categoryOf, isSupportedResourceType, resourceTypesOf } from './record-category';
export type { FhirResource, FhirResourceOf } from './resource-schemas';
export type { ValidationResult } from './validate-resource';
export { MAX_NESTING_DEPTH, validateResource } from './validate-resource';
export { subjectReferenceOf } from './subject-reference';
export type { FhirOperationOutcome, OperationOutcomeIssue } from './operation-outcome';
export { toOperationOutcome } from './operation-outcome';
export type { FhirSearchsetBundle, SearchsetEntry, SearchsetPage } from './searchset-bundle';
export { searchsetBundle } from './searchset-bundle';
export type { ResourceVersion } from './with-meta';
export { withMeta } from './with-meta';
export type {
  FhirClaim,
  FhirClaimResponse,
  FhirCoverage,
  FhirExplanationOfBenefit,
  FinancialResourceOf,
  FinancialResourceType,
  FinancialValidation,
} from './financial/validate-financial-resource';
export { FINANCIAL_RESOURCE_SCHEMAS, validateFinancialResource } from './financial/validate-financial-resource';
export type { AuditEventValidation, FhirAuditEvent } from './validate-audit-event';
export { validateAuditEvent } from './validate-audit-event';
export type { CollectionValidation } from './export/validate-collection-bundle';
export { validateCollectionBundle } from './export/validate-collection-bundle';
