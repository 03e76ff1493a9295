// Helpers for specs: the FHIR issues of a resource or of a single schema.
import type { z } from 'zod';
import type { FhirIssue } from '../fhir-issue';
import { toFhirIssues } from '../fhir-issue.mapper';
import { validateResource } from '../validate-resource';

export function issuesOf(json: unknown): readonly FhirIssue[] {
  const result = validateResource(json);
  return result.ok ? [] : result.issues;
}

/** Issues as [path, code] pairs: what most specs pin down exactly. */
export function problemsOf(json: unknown): [string, string][] {
  return issuesOf(json).map(({ path, code }) => [path, code]);
}

export function schemaProblems(schema: z.ZodType, value: unknown, root = 'T'): [string, string][] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : toFhirIssues(root, value, parsed.error.issues).map(({ path, code }) => [path, code]);
}

/** A copy of `json` without `keys`: JSON has no undefined, so removal is how an element goes missing. */
export function omit<T extends object>(json: T, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(json).filter(([key]) => !keys.includes(key)));
}
