// What every resource carechain accepts shares (DomainResource): logical id, meta,
// narrative, extensions. Contained resources are refused: they would be records
// inside a record, outside consent categories and the ledger's view.
import { z } from 'zod';
import { element, type ElementOf, type Invariant } from '../datatypes/element';
import { Extension } from '../datatypes/extension.schema';
import { notSupported, opt } from '../datatypes/field';
import { Meta, Narrative } from '../datatypes/narrative.schema';
import { code, id, uri } from '../datatypes/primitive.schema';

// Importing Extension here guarantees it is bound before any resource is parsed.
void Extension;

function domainShape<R extends string>(resourceType: R) {
  return {
    resourceType: z.literal(resourceType),
    id: opt(id),
    meta: opt(Meta),
    implicitRules: opt(uri),
    language: opt(code),
    text: opt(Narrative),
    contained: opt(notSupported('a contained resource')),
  };
}

export type ResourceOf<R extends string, S extends z.ZodRawShape> = ElementOf<ReturnType<typeof domainShape<R>> & S>;

export function domainResource<R extends string, S extends z.ZodRawShape>(
  resourceType: R,
  shape: S,
  invariants: readonly Invariant<ResourceOf<R, S>>[] = [],
): z.ZodType<ResourceOf<R, S>> {
  return element<ReturnType<typeof domainShape<R>> & S>({ ...domainShape(resourceType), ...shape }, { backbone: true, invariants });
}
