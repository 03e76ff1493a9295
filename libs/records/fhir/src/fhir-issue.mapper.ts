// Turns zod's issues into FHIR ones: a FHIRPath-like location, an IssueType code and
// a message a client can act on. Custom checks carry their code in params.fhir.
import type { z } from 'zod';
import { FHIR_ISSUE_CODES, preview, type FhirIssue, type FhirIssueCode } from './fhir-issue';

type Path = readonly PropertyKey[];

/** `Observation` + ['component', 0, 'code'] → `Observation.component[0].code`; `_status` is the same node as `status`. */
export function fhirPath(root: string, path: Path): string {
  return path.reduce<string>((out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : `${out}.${String(segment).replace(/^_/, '')}`), root);
}

function valueAt(input: unknown, path: Path): unknown {
  let node = input;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const isFhirIssueCode = (value: unknown): value is FhirIssueCode => typeof value === 'string' && (FHIR_ISSUE_CODES as readonly string[]).includes(value);

function issue(root: string, path: Path, code: FhirIssueCode, message: string): FhirIssue {
  return { path: fhirPath(root, path), code, message };
}

// Absent or null where a value was expected, whatever the expected type.
function fromMissing(root: string, path: Path, found: unknown, cardinality: string): FhirIssue | undefined {
  if (found === null) return issue(root, path, 'structure', 'null is not allowed in FHIR JSON: omit the element instead');
  if (found !== undefined) return undefined;
  const name = String([...path].reverse().find((segment) => typeof segment === 'string') ?? root);
  return issue(root, path, 'required', `missing required element '${name}' (cardinality ${cardinality})`);
}

function fromInvalidType(root: string, input: unknown, zodIssue: z.core.$ZodIssueInvalidType): FhirIssue {
  const { path, expected } = zodIssue;
  const found = valueAt(input, path);
  const missing = fromMissing(root, path, found, expected === 'array' ? '1..*' : '1..1');
  if (missing) return missing;
  if (expected === 'array') return issue(root, path, 'structure', `expected a JSON array (this element repeats), found ${jsonTypeOf(found)}`);
  if (expected === 'object') return issue(root, path, 'structure', `expected a JSON object (a complex type), found ${jsonTypeOf(found)}`);
  const code = typeof found === 'object' ? 'structure' : 'value';
  return issue(root, path, code, `expected a JSON ${expected === 'int' ? 'number' : expected}, found ${jsonTypeOf(found)}`);
}

function fromInvalidValue(root: string, input: unknown, zodIssue: z.core.$ZodIssueInvalidValue): FhirIssue {
  const found = valueAt(input, zodIssue.path);
  const allowed = zodIssue.values.map(String).join(' | ');
  const missing = fromMissing(root, zodIssue.path, found, '1..1');
  if (missing) return missing;
  return issue(root, zodIssue.path, 'code-invalid', `${preview(found)} is not in the required value set (${allowed})`);
}

/** The FHIR issues for zod's `issues` on `input`, whose root element is `root` (the resource type). */
export function toFhirIssues(root: string, input: unknown, issues: readonly z.core.$ZodIssue[]): FhirIssue[] {
  return issues.flatMap((zodIssue): FhirIssue[] => {
    switch (zodIssue.code) {
      case 'invalid_type':
        return [fromInvalidType(root, input, zodIssue)];
      case 'unrecognized_keys':
        return zodIssue.keys.map((key) => ({ path: `${fhirPath(root, zodIssue.path)}.${key}`, code: 'structure', message: `unknown element ${preview(key)}` }));
      case 'invalid_value':
        return [fromInvalidValue(root, input, zodIssue)];
      case 'custom': {
        const code = zodIssue.params?.['fhir'];
        return [issue(root, zodIssue.path, isFhirIssueCode(code) ? code : 'invariant', zodIssue.message)];
      }
      case 'too_small':
      case 'too_big':
      case 'invalid_format':
      case 'not_multiple_of':
        return [issue(root, zodIssue.path, 'value', zodIssue.message)];
      default:
        return [issue(root, zodIssue.path, 'structure', zodIssue.message)];
    }
  });
}
