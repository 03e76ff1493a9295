// The check of an AuditEvent against FHIR R4, with the same issues as validateResource.
import type { z } from 'zod';
import type { FhirIssue } from './fhir-issue';
import { toFhirIssues } from './fhir-issue.mapper';
import { AuditEventSchema } from './resources/audit-event.schema';

export type FhirAuditEvent = z.output<typeof AuditEventSchema>;

export type AuditEventValidation = { readonly ok: true; readonly resource: FhirAuditEvent } | { readonly ok: false; readonly issues: readonly FhirIssue[] };

/** Never throws: every problem is an issue. */
export function validateAuditEvent(json: unknown): AuditEventValidation {
  const parsed = AuditEventSchema.safeParse(json);
  return parsed.success ? { ok: true, resource: parsed.data } : { ok: false, issues: toFhirIssues('AuditEvent', json, parsed.error.issues) };
}
