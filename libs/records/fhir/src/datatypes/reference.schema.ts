// Reference and Identifier refer to each other (Reference.identifier,
// Identifier.assigner), so they live together and one side is lazy.
import { z } from 'zod';
import { CodeableConcept } from './coding.schema';
import { element, type ElementOf, type FhirExtension } from './element';
import { codeFrom, fhirString, uri } from './primitive.schema';
import { preview } from '../fhir-issue';
import { opt } from './field';
import { Period } from './period.schema';

export interface FhirReference {
  id?: string;
  extension?: FhirExtension[];
  reference?: string;
  type?: string;
  identifier?: FhirIdentifier;
  display?: string;
}

const identifierShape = {
  use: opt(codeFrom(['usual', 'official', 'temp', 'secondary', 'old'])),
  type: opt(CodeableConcept),
  system: opt(uri),
  value: opt(fhirString),
  period: opt(Period),
  assigner: opt(z.lazy((): z.ZodType<FhirReference> => Reference)),
};
export type FhirIdentifier = ElementOf<typeof identifierShape>;

export const Identifier: z.ZodType<FhirIdentifier> = element(identifierShape);

export const Reference: z.ZodType<FhirReference> = element(
  { reference: opt(fhirString), type: opt(uri), identifier: opt(Identifier), display: opt(fhirString) },
  {
    invariants: [
      {
        key: 'ref-1',
        human: 'a local reference (#id) SHALL resolve to a contained resource, and carechain does not accept contained resources',
        holds: (r) => !r.reference?.startsWith('#'),
      },
    ],
  },
);

// A literal reference: [base/]Type/id[/_history/version].
const LITERAL_REFERENCE = /^(?:\S*\/)?([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/**
 * A Reference restricted to some resource types, as in `Reference(Patient | Group)`:
 * checked on the literal reference and on `type` when present. (A logical reference
 * by identifier alone cannot be checked.)
 */
export function referenceTo(...targets: readonly [string, ...string[]]) {
  const allowed = targets.join(' | ');
  return Reference.superRefine((reference, ctx) => {
    const literalType = LITERAL_REFERENCE.exec(reference.reference ?? '')?.[1];
    if (literalType !== undefined && !targets.includes(literalType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reference'],
        message: `a reference to ${literalType} is not allowed here: Reference(${allowed})`,
        params: { fhir: 'value' },
      });
    }
    if (reference.type !== undefined && !targets.includes(reference.type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `a reference of type ${preview(reference.type)} is not allowed here: Reference(${allowed})`,
        params: { fhir: 'value' },
      });
    }
  });
}
