// What validation reports: one issue per problem, shaped like an OperationOutcome
// issue so the records service can hand it back to the client unchanged.

/** The subset of FHIR R4 IssueType codes (http://hl7.org/fhir/issue-type) this lib reports. */
export const FHIR_ISSUE_CODES = ['required', 'value', 'structure', 'code-invalid', 'invariant', 'not-supported'] as const;
export type FhirIssueCode = (typeof FHIR_ISSUE_CODES)[number];

export interface FhirIssue {
  /** FHIRPath-like location, e.g. `Observation.code.coding[0].system`; '' when the input is not a resource at all. */
  readonly path: string;
  readonly code: FhirIssueCode;
  readonly message: string;
}

/** A value quoted for a message, cut short: a client may send a megabyte where a code belongs. */
export function preview(value: unknown, max = 64): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
