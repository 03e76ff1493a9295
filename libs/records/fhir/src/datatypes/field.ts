// Cardinality and choice helpers for the element shapes. FHIR JSON has rules zod
// cannot see from a schema alone (`_name` companions of primitives, one variant of
// a choice, no empty arrays), so the helpers record what the element builder needs
// to know about each field.
import { z } from 'zod';

const primitives = new WeakSet<z.ZodType>();
const attributes = new WeakSet<z.ZodType>();
const choiceGroups = new WeakMap<z.ZodType, ChoiceGroup>();

/** The `value[x]`-style elements of one choice: `prefix` + capitalised type name. */
export interface ChoiceGroup {
  readonly prefix: string;
  readonly keys: readonly string[];
  readonly required: boolean;
}

/** Marks a schema as a FHIR primitive type: its fields may carry a `_name` companion. */
export function primitive<T extends z.ZodType>(schema: T): T {
  primitives.add(schema);
  return schema;
}

/** A field that is an XML attribute in FHIR (Extension.url, Narrative.div): no `_name` companion. */
export function attribute<T extends z.ZodType>(schema: T): T {
  // A copy, so other fields of the same type keep their companions.
  const field = schema.clone();
  attributes.add(field);
  return field;
}

export type PrimitiveShape = 'single' | 'array' | 'none';

/** Whether a shape field holds a primitive (and so may have a `_name` companion). */
export function primitiveShapeOf(field: z.ZodType): PrimitiveShape {
  if (attributes.has(field)) return 'none';
  const inner = field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
  if (primitives.has(inner)) return 'single';
  if (inner instanceof z.ZodArray && primitives.has(inner.element as z.ZodType)) return 'array';
  return 'none';
}

export function choiceGroupOf(field: z.ZodType): ChoiceGroup | undefined {
  return choiceGroups.get(field);
}

// FHIR JSON never has an empty array: a repeating element with no values is absent.
function fhirArray<T extends z.ZodType>(item: T, required: boolean) {
  return z.array(item).refine((items) => items.length > 0, {
    error: required ? 'at least one item is required (cardinality 1..*)' : 'empty arrays are not allowed in FHIR JSON: omit the element instead',
    params: { fhir: required ? 'required' : 'structure' },
  });
}

/** Cardinality 0..1. (1..1 is the schema itself.) */
export function opt<T extends z.ZodType>(type: T): z.ZodOptional<T> {
  return type.optional();
}

/** Cardinality 0..*. */
export function many<T extends z.ZodType>(type: T) {
  return fhirArray(type, false).optional();
}

/** Cardinality 1..*. */
export function some<T extends z.ZodType>(type: T) {
  return fhirArray(type, true);
}

type ChoiceShape<P extends string, V extends Record<string, z.ZodType>> = {
  [K in keyof V & string as `${P}${Capitalize<K>}`]: z.ZodOptional<V[K]>;
};

/**
 * A choice element `prefix[x]`: one JSON property per allowed type (`onsetDateTime`,
 * `onsetPeriod`…), of which at most one (exactly one when required) may be present.
 */
export function choice<P extends string, V extends Record<string, z.ZodType>>(
  prefix: P,
  variants: V,
  cardinality: '0..1' | '1..1' = '0..1',
): ChoiceShape<P, V> {
  const entries = Object.entries(variants).map(([type, schema]) => [`${prefix}${type.charAt(0).toUpperCase()}${type.slice(1)}`, schema.optional()] as const);
  const group: ChoiceGroup = { prefix, keys: entries.map(([key]) => key), required: cardinality === '1..1' };
  for (const [, field] of entries) choiceGroups.set(field, group);
  return Object.fromEntries(entries) as ChoiceShape<P, V>;
}

/** Content that is valid FHIR R4 but that carechain does not validate, and so refuses rather than store unchecked. */
export function notSupported(what: string) {
  return z.unknown().refine(() => false, { error: `${what} is valid FHIR R4 but not supported by carechain`, params: { fhir: 'not-supported' } });
}
