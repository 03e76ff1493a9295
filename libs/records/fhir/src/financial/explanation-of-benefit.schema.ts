// ExplanationOfBenefit (R4, http://hl7.org/fhir/R4/explanationofbenefit.html): the
// claim and its adjudication as the patient reads them.
import { CodeableConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { choice, many, notSupported, opt, some } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { boolean, date, dateTime, fhirString, positiveInt } from '../datatypes/primitive.schema';
import { Money, SimpleQuantity } from '../datatypes/quantity.schema';
import { Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from '../resources/domain-resource';
import { financialHeader } from './claim.schema';
import { Adjudication, Payment, ProcessNote, remittanceOutcome, Total } from './claim-response.schema';

const Insurance = element({ focal: boolean, coverage: referenceTo('Coverage'), preAuthRef: many(fhirString) }, { backbone: true });

const Item = element(
  {
    sequence: positiveInt,
    informationSequence: many(positiveInt),
    productOrService: CodeableConcept,
    modifier: many(CodeableConcept),
    ...choice('serviced', { date, Period }),
    quantity: opt(SimpleQuantity),
    unitPrice: opt(Money),
    net: opt(Money),
    encounter: many(referenceTo('Encounter')),
    noteNumber: many(positiveInt),
    adjudication: many(Adjudication),
    detail: opt(notSupported('ExplanationOfBenefit.item.detail')),
  },
  { backbone: true },
);

export const ExplanationOfBenefitSchema = domainResource('ExplanationOfBenefit', {
  ...financialHeader,
  billablePeriod: opt(Period),
  created: dateTime,
  enterer: opt(Reference),
  insurer: referenceTo('Organization'),
  provider: referenceTo('Practitioner', 'PractitionerRole', 'Organization'),
  priority: opt(CodeableConcept),
  claim: opt(referenceTo('Claim')),
  claimResponse: opt(referenceTo('ClaimResponse')),
  outcome: remittanceOutcome,
  disposition: opt(fhirString),
  preAuthRef: many(fhirString),
  insurance: some(Insurance),
  item: many(Item),
  addItem: opt(notSupported('ExplanationOfBenefit.addItem')),
  adjudication: many(Adjudication),
  total: many(Total),
  payment: opt(Payment),
  processNote: many(ProcessNote),
  benefitPeriod: opt(Period),
  benefitBalance: opt(notSupported('ExplanationOfBenefit.benefitBalance')),
});
