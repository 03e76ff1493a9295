// Claim (R4, http://hl7.org/fhir/R4/claim.html): a provider's request for payment
// (use `claim`) or for prior authorisation (`preauthorization`). Each item names the
// carechain record documenting it through informationSequence → supportingInfo
// with a valueReference such as `Encounter/<recordId>`.
import { Attachment } from '../datatypes/attachment.schema';
import { CodeableConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { choice, many, notSupported, opt, some } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { boolean, codeFrom, date, dateTime, decimal, fhirString, positiveInt } from '../datatypes/primitive.schema';
import { Money, Quantity, SimpleQuantity } from '../datatypes/quantity.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from '../resources/domain-resource';
import { financialStatus } from './coverage.schema';

/** Use (http://hl7.org/fhir/ValueSet/claim-use), required. */
export const claimUse = codeFrom(['claim', 'preauthorization', 'predetermination']);

/** The elements Claim, ClaimResponse and ExplanationOfBenefit open with, alike in all three. */
export const financialHeader = {
  identifier: many(Identifier),
  status: financialStatus,
  type: CodeableConcept,
  subType: opt(CodeableConcept),
  use: claimUse,
  patient: referenceTo('Patient'),
};

const SupportingInfo = element(
  {
    sequence: positiveInt,
    category: CodeableConcept,
    code: opt(CodeableConcept),
    ...choice('timing', { date, Period }),
    ...choice('value', { boolean, string: fhirString, Quantity, Attachment, Reference }),
    reason: opt(CodeableConcept),
  },
  { backbone: true },
);

const Diagnosis = element(
  {
    sequence: positiveInt,
    ...choice('diagnosis', { CodeableConcept, Reference }, '1..1'),
    type: many(CodeableConcept),
    onAdmission: opt(CodeableConcept),
    packageCode: opt(CodeableConcept),
  },
  { backbone: true },
);

const Insurance = element(
  {
    sequence: positiveInt,
    focal: boolean,
    identifier: opt(Identifier),
    coverage: referenceTo('Coverage'),
    businessArrangement: opt(fhirString),
    preAuthRef: many(fhirString),
    claimResponse: opt(referenceTo('ClaimResponse')),
  },
  { backbone: true },
);

const Item = element(
  {
    sequence: positiveInt,
    careTeamSequence: many(positiveInt),
    diagnosisSequence: many(positiveInt),
    procedureSequence: many(positiveInt),
    informationSequence: many(positiveInt),
    revenue: opt(CodeableConcept),
    category: opt(CodeableConcept),
    productOrService: CodeableConcept,
    modifier: many(CodeableConcept),
    programCode: many(CodeableConcept),
    ...choice('serviced', { date, Period }),
    ...choice('location', { CodeableConcept, Reference }),
    quantity: opt(SimpleQuantity),
    unitPrice: opt(Money),
    factor: opt(decimal),
    net: opt(Money),
    udi: many(Reference),
    bodySite: opt(CodeableConcept),
    subSite: many(CodeableConcept),
    encounter: many(referenceTo('Encounter')),
    detail: opt(notSupported('Claim.item.detail')),
  },
  { backbone: true },
);

export const ClaimSchema = domainResource('Claim', {
  ...financialHeader,
  billablePeriod: opt(Period),
  created: dateTime,
  enterer: opt(Reference),
  insurer: opt(referenceTo('Organization')),
  provider: referenceTo('Practitioner', 'PractitionerRole', 'Organization'),
  priority: CodeableConcept,
  fundsReserve: opt(CodeableConcept),
  related: opt(notSupported('Claim.related')),
  prescription: opt(Reference),
  originalPrescription: opt(Reference),
  payee: opt(notSupported('Claim.payee')),
  referral: opt(Reference),
  facility: opt(Reference),
  careTeam: opt(notSupported('Claim.careTeam')),
  supportingInfo: many(SupportingInfo),
  diagnosis: many(Diagnosis),
  procedure: opt(notSupported('Claim.procedure')),
  insurance: some(Insurance),
  accident: opt(notSupported('Claim.accident')),
  item: many(Item),
  total: opt(Money),
});
