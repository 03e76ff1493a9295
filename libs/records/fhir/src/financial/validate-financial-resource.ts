// Validation of the financial resources the claims service takes and gives
// (Coverage, Claim, ClaimResponse, ExplanationOfBenefit): the same schemas, issue
// mapping and depth guard as the clinical records, but a separate entry point,
// because these are not records and have no consent category.
import type { z } from 'zod';
import { preview, type FhirIssue } from '../fhir-issue';
import { toFhirIssues } from '../fhir-issue.mapper';
import { MAX_NESTING_DEPTH, nestsDeeperThan } from '../validate-resource';
import { ClaimSchema } from './claim.schema';
import { ClaimResponseSchema } from './claim-response.schema';
import { CoverageSchema } from './coverage.schema';
import { ExplanationOfBenefitSchema } from './explanation-of-benefit.schema';

export const FINANCIAL_RESOURCE_SCHEMAS = {
  Coverage: CoverageSchema,
  Claim: ClaimSchema,
  ClaimResponse: ClaimResponseSchema,
  ExplanationOfBenefit: ExplanationOfBenefitSchema,
} as const;

export type FinancialResourceType = keyof typeof FINANCIAL_RESOURCE_SCHEMAS;
export type FinancialResourceOf<T extends FinancialResourceType> = z.output<(typeof FINANCIAL_RESOURCE_SCHEMAS)[T]>;
export type FhirCoverage = FinancialResourceOf<'Coverage'>;
export type FhirClaim = FinancialResourceOf<'Claim'>;
export type FhirClaimResponse = FinancialResourceOf<'ClaimResponse'>;
export type FhirExplanationOfBenefit = FinancialResourceOf<'ExplanationOfBenefit'>;

export type FinancialValidation<T extends FinancialResourceType> =
  { readonly ok: true; readonly resource: FinancialResourceOf<T> } | { readonly ok: false; readonly issues: readonly FhirIssue[] };

/**
 * Validates `json` as a FHIR R4 resource of type `expected`. Never throws: every
 * problem is an issue. The resource returned is a fresh copy.
 */
export function validateFinancialResource<T extends FinancialResourceType>(json: unknown, expected: T): FinancialValidation<T> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, issues: [{ path: '', code: 'structure', message: `a FHIR ${expected} is a JSON object` }] };
  }
  const resourceType: unknown = (json as Record<string, unknown>)['resourceType'];
  if (resourceType !== expected) {
    const message = resourceType === undefined ? "missing required property 'resourceType'" : `resourceType ${preview(resourceType)} is not ${expected}`;
    return { ok: false, issues: [{ path: 'resourceType', code: resourceType === undefined ? 'required' : 'not-supported', message }] };
  }
  if (nestsDeeperThan(json, MAX_NESTING_DEPTH)) {
    return { ok: false, issues: [{ path: expected, code: 'structure', message: `the resource nests deeper than ${MAX_NESTING_DEPTH} levels` }] };
  }
  const schema = FINANCIAL_RESOURCE_SCHEMAS[expected] as z.ZodType<FinancialResourceOf<T>>;
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: toFhirIssues(expected, json, parsed.error.issues) };
  return { ok: true, resource: parsed.data };
}
