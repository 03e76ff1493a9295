// Builds the zod schema of a FHIR element (a complex datatype, backbone element or
// resource) from its shape, adding what every element shares: `id`, `extension`
// (and `modifierExtension` on backbone elements), `_name` companions of primitive
// fields, the one-variant rule of choices, ele-1 (no empty objects) and the
// element's own invariants. Unknown properties are refused (strict objects).
import { z } from 'zod';
import { choiceGroupOf, primitiveShapeOf, type ChoiceGroup } from './field';
import { fhirString } from './primitive.schema';

export interface FhirExtension {
  url: string;
  id?: string;
  extension?: FhirExtension[];
  [valueX: string]: unknown;
}

/** An invariant from the specification, checked once the element is otherwise valid. */
export interface Invariant<T> {
  readonly key: string;
  readonly human: string;
  readonly holds: (value: T) => boolean;
}

interface ElementOptions<T> {
  /** BackboneElements (and resources) also allow `modifierExtension`. */
  readonly backbone?: boolean;
  readonly invariants?: readonly Invariant<T>[];
}

type BaseElement = {
  id?: string;
  extension?: FhirExtension[];
  modifierExtension?: FhirExtension[];
};

export type ElementOf<S extends z.ZodRawShape> = z.output<z.ZodObject<S, z.core.$strict>> & BaseElement;

// Extension is built with this builder and its value[x] uses the other datatypes,
// which use this builder too: the schema is bound once defined (extension.schema.ts).
let boundExtension: z.ZodType<FhirExtension> | undefined;
export function bindExtension(schema: z.ZodType<FhirExtension>): void {
  boundExtension = schema;
}
const extensionRef: z.ZodType<FhirExtension> = z.lazy(() => {
  if (!boundExtension) throw new Error('the Extension schema is not bound: import datatypes/extension.schema first');
  return boundExtension;
});

function extensions() {
  return z
    .array(extensionRef)
    .refine((items) => items.length > 0, { error: 'empty arrays are not allowed in FHIR JSON: omit the element instead', params: { fhir: 'structure' } })
    .optional();
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function refuseEmpty<T extends z.ZodType>(schema: T): T {
  return schema.refine((value) => !isObject(value) || Object.keys(value).length > 0, {
    error: 'ele-1: an element SHALL have a value or children; empty objects are not allowed in FHIR JSON',
    params: { fhir: 'structure' },
    // An object whose only properties are unknown is already reported for them.
    when: (payload) => isObject(payload.value) && !payload.issues.some((issue) => issue.code === 'unrecognized_keys' && (issue.path ?? []).length === 0),
  });
}

/** The `_name` companion of a primitive: its id and extensions, no value. */
const primitiveElement = refuseEmpty(z.strictObject({ id: fhirString.optional(), extension: extensions() }));
const primitiveElements = z.array(primitiveElement.nullable()).optional();

const presentVariants = (group: ChoiceGroup, value: unknown): string[] =>
  isObject(value) ? group.keys.filter((key) => value[key] !== undefined || value[`_${key}`] !== undefined) : [];

// Choice rules run even when a variant itself is invalid, so both problems are reported.
function checkChoice<T extends z.ZodType>(schema: T, group: ChoiceGroup): T {
  const when = (payload: { value: unknown }) => isObject(payload.value);
  const path = [`${group.prefix}[x]`];
  const once = schema.refine((value) => presentVariants(group, value).length <= 1, {
    path,
    when,
    params: { fhir: 'structure' },
    error: (issue) => `${group.prefix}[x] takes one type only, found ${presentVariants(group, issue.input).join(' and ')}`,
  });
  if (!group.required) return once;
  return once.refine((value) => presentVariants(group, value).length > 0, {
    path,
    when,
    params: { fhir: 'required' },
    error: `missing required element ${group.prefix}[x] (cardinality 1..1): one of ${group.keys.join(', ')}`,
  });
}

export function element<S extends z.ZodRawShape>(shape: S, options: ElementOptions<ElementOf<S>> = {}): z.ZodType<ElementOf<S>> {
  const full: Record<string, z.ZodType> = { id: fhirString.optional(), extension: extensions() };
  if (options.backbone) full['modifierExtension'] = extensions();
  const groups = new Set<ChoiceGroup>();
  for (const [key, field] of Object.entries(shape) as [string, z.ZodType][]) {
    full[key] = field;
    const kind = primitiveShapeOf(field);
    if (kind === 'single') full[`_${key}`] = primitiveElement.optional();
    if (kind === 'array') full[`_${key}`] = primitiveElements;
    const group = choiceGroupOf(field);
    if (group) groups.add(group);
  }
  let schema: z.ZodType = refuseEmpty(z.strictObject(full));
  for (const group of groups) schema = checkChoice(schema, group);
  const invariants = options.invariants ?? [];
  if (invariants.length > 0) {
    schema = schema.superRefine((value, ctx) => {
      for (const invariant of invariants) {
        if (!invariant.holds(value as ElementOf<S>)) {
          ctx.addIssue({ code: 'custom', message: `${invariant.key}: ${invariant.human}`, params: { fhir: 'invariant' } });
        }
      }
    });
  }
  return schema as z.ZodType<ElementOf<S>>;
}
