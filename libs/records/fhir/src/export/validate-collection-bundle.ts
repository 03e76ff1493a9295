// The check of a patient's export, a FHIR R4 Bundle of type collection, against the
// schemas carechain has: each entry's resource by its type (clinical records,
// financial resources, AuditEvents, Patient, Consent). A type without a schema is an
// issue, not a pass: an export must hold nothing this check cannot read.
import { z } from 'zod';
import type { FhirIssue } from '../fhir-issue';
import { toFhirIssues } from '../fhir-issue.mapper';
import { FINANCIAL_RESOURCE_SCHEMAS, validateFinancialResource, type FinancialResourceType } from '../financial/validate-financial-resource';
import { isSupportedResourceType } from '../record-category';
import { validateAuditEvent } from '../validate-audit-event';
import { validateResource } from '../validate-resource';
import { ConsentSchema } from './consent.schema';
import { PatientSchema } from './patient.schema';

const BundleShape = z.object({
  resourceType: z.literal('Bundle'),
  id: z.string().optional(),
  type: z.literal('collection'),
  timestamp: z.string().optional(),
  entry: z.array(z.object({ fullUrl: z.string().min(1).optional(), resource: z.looseObject({ resourceType: z.string() }) })),
});

const OWN_SCHEMAS = { Patient: PatientSchema, Consent: ConsentSchema } as const;

export type CollectionValidation =
  { readonly ok: true; readonly counts: Readonly<Record<string, number>> } | { readonly ok: false; readonly issues: readonly FhirIssue[] };

const isFinancial = (type: string): type is FinancialResourceType => Object.hasOwn(FINANCIAL_RESOURCE_SCHEMAS, type);

function issuesOf(resource: { resourceType: string }): readonly FhirIssue[] {
  const type = resource.resourceType;
  if (isSupportedResourceType(type)) {
    const result = validateResource(resource);
    return result.ok ? [] : result.issues;
  }
  if (isFinancial(type)) {
    const result = validateFinancialResource(resource, type);
    return result.ok ? [] : result.issues;
  }
  if (type === 'AuditEvent') {
    const result = validateAuditEvent(resource);
    return result.ok ? [] : result.issues;
  }
  if (type === 'Patient' || type === 'Consent') {
    const parsed = OWN_SCHEMAS[type].safeParse(resource);
    return parsed.success ? [] : toFhirIssues(type, resource, parsed.error.issues);
  }
  return [{ path: 'resourceType', code: 'not-supported', message: `no schema for ${type}` }];
}

/** Never throws: every problem is an issue, its path prefixed with the entry it is in. */
export function validateCollectionBundle(json: unknown): CollectionValidation {
  const bundle = BundleShape.safeParse(json);
  if (!bundle.success) return { ok: false, issues: toFhirIssues('Bundle', json, bundle.error.issues) };
  const issues: FhirIssue[] = [];
  const counts: Record<string, number> = {};
  bundle.data.entry.forEach((entry, i) => {
    counts[entry.resource.resourceType] = (counts[entry.resource.resourceType] ?? 0) + 1;
    for (const issue of issuesOf(entry.resource)) issues.push({ ...issue, path: `entry[${i}].resource${issue.path ? `.${issue.path}` : ''}` });
  });
  return issues.length === 0 ? { ok: true, counts } : { ok: false, issues };
}
