// ChargeItem (R4, http://hl7.org/fhir/R4/chargeitem.html): a billable provision of
// a product or service. Category: billing.
import { Annotation } from '../datatypes/attachment.schema';
import { CodeableConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { choice, many, opt } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { canonical, codeFrom, dateTime, decimal, fhirString, uri } from '../datatypes/primitive.schema';
import { Money, Quantity } from '../datatypes/quantity.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { Timing } from '../datatypes/timing.schema';
import { domainResource } from './domain-resource';

const Performer = element({ function: opt(CodeableConcept), actor: Reference }, { backbone: true });

export const ChargeItemSchema = domainResource('ChargeItem', {
  identifier: many(Identifier),
  definitionUri: many(uri),
  definitionCanonical: many(canonical),
  status: codeFrom(['planned', 'billable', 'not-billable', 'aborted', 'billed', 'entered-in-error', 'unknown']),
  partOf: many(Reference),
  code: CodeableConcept,
  subject: referenceTo('Patient', 'Group'),
  context: opt(Reference),
  ...choice('occurrence', { dateTime, Period, Timing }),
  performer: many(Performer),
  performingOrganization: opt(Reference),
  requestingOrganization: opt(Reference),
  costCenter: opt(Reference),
  quantity: opt(Quantity),
  bodysite: many(CodeableConcept),
  factorOverride: opt(decimal),
  priceOverride: opt(Money),
  overrideReason: opt(fhirString),
  enterer: opt(Reference),
  enteredDate: opt(dateTime),
  reason: many(CodeableConcept),
  service: many(Reference),
  ...choice('product', { Reference, CodeableConcept }),
  account: many(Reference),
  note: many(Annotation),
  supportingInformation: many(Reference),
});
