// The entry point of the records service's FHIR check: is this JSON a resource
// carechain stores, valid against FHIR R4, and which consent category is it?
import type { RecordCategory } from '@carechain/contracts';
import { preview, type FhirIssue } from './fhir-issue';
import { toFhirIssues } from './fhir-issue.mapper';
import { categoryOf, isSupportedResourceType, SUPPORTED_RESOURCE_TYPES, type SupportedResourceType } from './record-category';
import { RESOURCE_SCHEMAS, type FhirResource } from './resource-schemas';

/**
 * Deeper than any valid resource of the supported types gets (nested extensions
 * aside); refusing it up front keeps the recursive schemas off a hostile stack.
 */
export const MAX_NESTING_DEPTH = 64;

export type ValidationResult =
  | { readonly ok: true; readonly resource: FhirResource; readonly resourceType: SupportedResourceType; readonly category: RecordCategory }
  | { readonly ok: false; readonly issues: readonly FhirIssue[] };

export function nestsDeeperThan(json: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[json, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

const failure = (...issues: FhirIssue[]): ValidationResult => ({ ok: false, issues });

/**
 * Validates `json` (a parsed JSON body) as a FHIR R4 resource of a supported type.
 * Never throws: every problem is an issue. The resource returned is a fresh copy.
 */
export function validateResource(json: unknown): ValidationResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return failure({ path: '', code: 'structure', message: 'a FHIR resource is a JSON object' });
  }
  const resourceType: unknown = (json as Record<string, unknown>)['resourceType'];
  if (resourceType === undefined) {
    return failure({ path: 'resourceType', code: 'required', message: "missing required property 'resourceType'" });
  }
  if (!isSupportedResourceType(resourceType)) {
    const named = typeof resourceType === 'string' && /^[A-Z][A-Za-z]{0,63}$/.test(resourceType);
    return failure({
      path: named ? resourceType : 'resourceType',
      code: 'not-supported',
      message: `resourceType ${preview(resourceType)} is not stored by carechain; supported: ${SUPPORTED_RESOURCE_TYPES.join(', ')}`,
    });
  }
  if (nestsDeeperThan(json, MAX_NESTING_DEPTH)) {
    return failure({ path: resourceType, code: 'structure', message: `the resource nests deeper than ${MAX_NESTING_DEPTH} levels` });
  }
  const parsed = RESOURCE_SCHEMAS[resourceType].safeParse(json);
  if (!parsed.success) return failure(...toFhirIssues(resourceType, json, parsed.error.issues));
  return { ok: true, resource: parsed.data, resourceType, category: categoryOf(resourceType) };
}
