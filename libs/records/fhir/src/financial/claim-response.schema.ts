// ClaimResponse (R4, http://hl7.org/fhir/R4/claimresponse.html): the payer's
// adjudication of a Claim, per item (submitted, eligible, deductible, copay,
// benefit) with reason codes.
import { CodeableConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { many, notSupported, opt, some } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { boolean, codeFrom, date, dateTime, decimal, fhirString, positiveInt } from '../datatypes/primitive.schema';
import { Money } from '../datatypes/quantity.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from '../resources/domain-resource';
import { financialHeader } from './claim.schema';

/** RemittanceOutcome (http://hl7.org/fhir/ValueSet/remittance-outcome), required. */
export const remittanceOutcome = codeFrom(['queued', 'complete', 'error', 'partial']);

export const Adjudication = element({ category: CodeableConcept, reason: opt(CodeableConcept), amount: opt(Money), value: opt(decimal) }, { backbone: true });

export const Total = element({ category: CodeableConcept, amount: Money }, { backbone: true });

export const Payment = element(
  { type: CodeableConcept, adjustment: opt(Money), adjustmentReason: opt(CodeableConcept), date: opt(date), amount: Money, identifier: opt(Identifier) },
  { backbone: true },
);

export const ProcessNote = element(
  { number: opt(positiveInt), type: opt(codeFrom(['display', 'print', 'printoper'])), text: fhirString, language: opt(CodeableConcept) },
  { backbone: true },
);

const Item = element(
  { itemSequence: positiveInt, noteNumber: many(positiveInt), adjudication: some(Adjudication), detail: opt(notSupported('ClaimResponse.item.detail')) },
  { backbone: true },
);

const Insurance = element(
  { sequence: positiveInt, focal: boolean, coverage: referenceTo('Coverage'), businessArrangement: opt(fhirString), claimResponse: opt(Reference) },
  { backbone: true },
);

const ResponseError = element(
  { itemSequence: opt(positiveInt), detailSequence: opt(positiveInt), subDetailSequence: opt(positiveInt), code: CodeableConcept },
  { backbone: true },
);

export const ClaimResponseSchema = domainResource('ClaimResponse', {
  ...financialHeader,
  created: dateTime,
  insurer: referenceTo('Organization'),
  requestor: opt(Reference),
  request: opt(referenceTo('Claim')),
  outcome: remittanceOutcome,
  disposition: opt(fhirString),
  preAuthRef: opt(fhirString),
  preAuthPeriod: opt(Period),
  payeeType: opt(CodeableConcept),
  item: many(Item),
  addItem: opt(notSupported('ClaimResponse.addItem')),
  adjudication: many(Adjudication),
  total: many(Total),
  payment: opt(Payment),
  fundsReserve: opt(CodeableConcept),
  formCode: opt(CodeableConcept),
  form: opt(notSupported('ClaimResponse.form')),
  processNote: many(ProcessNote),
  communicationRequest: many(Reference),
  insurance: many(Insurance),
  error: many(ResponseError),
});
