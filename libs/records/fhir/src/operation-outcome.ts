// Validation issues as the FHIR R4 OperationOutcome a FHIR client expects in a 4xx body.
import type { FhirIssue } from './fhir-issue';

export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  diagnostics: string;
  expression?: string[];
}

export interface FhirOperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

/**
 * One error issue per validation issue, its path as the FHIRPath `expression`.
 * OperationOutcome.issue is 1..*, so no issues reads as the conventional "All OK".
 */
export function toOperationOutcome(issues: readonly FhirIssue[]): FhirOperationOutcome {
  if (issues.length === 0) {
    return { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', diagnostics: 'All OK' }] };
  }
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map(({ path, code, message }) => ({
      severity: 'error',
      code,
      diagnostics: message,
      ...(path === '' ? {} : { expression: [path] }),
    })),
  };
}
