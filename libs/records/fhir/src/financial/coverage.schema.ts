// Coverage (R4, http://hl7.org/fhir/R4/coverage.html): a patient's insurance with a
// payer. Not a clinical record: the claims service keeps it, not records.
import { CodeableConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { choice, many, opt, some } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { boolean, codeFrom, fhirString, positiveInt } from '../datatypes/primitive.schema';
import { Money, SimpleQuantity } from '../datatypes/quantity.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from '../resources/domain-resource';

/** FinancialResourceStatusCodes, the required binding of every financial resource's status. */
export const financialStatus = codeFrom(['active', 'cancelled', 'draft', 'entered-in-error']);

const CoverageClass = element({ type: CodeableConcept, value: fhirString, name: opt(fhirString) }, { backbone: true });

const CostException = element({ type: CodeableConcept, period: opt(Period) }, { backbone: true });

const CostToBeneficiary = element(
  { type: opt(CodeableConcept), ...choice('value', { Quantity: SimpleQuantity, Money }, '1..1'), exception: many(CostException) },
  { backbone: true },
);

export const CoverageSchema = domainResource('Coverage', {
  identifier: many(Identifier),
  status: financialStatus,
  type: opt(CodeableConcept),
  policyHolder: opt(Reference),
  subscriber: opt(Reference),
  subscriberId: opt(fhirString),
  beneficiary: referenceTo('Patient'),
  dependent: opt(fhirString),
  relationship: opt(CodeableConcept),
  period: opt(Period),
  payor: some(referenceTo('Organization', 'Patient', 'RelatedPerson')),
  class: many(CoverageClass),
  order: opt(positiveInt),
  network: opt(fhirString),
  costToBeneficiary: many(CostToBeneficiary),
  subrogation: opt(boolean),
  contract: many(Reference),
});
