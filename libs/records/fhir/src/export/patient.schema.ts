// Patient (R4, http://hl7.org/fhir/R4/patient.html): who the patient is, as a
// patient's export carries it. Not a clinical record: identity keeps demographics.
import { CodeableConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { choice, many, opt } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { boolean, codeFrom, date, dateTime, fhirString, integer, positiveInt } from '../datatypes/primitive.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from '../resources/domain-resource';

const HumanName = element({
  use: opt(codeFrom(['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden'])),
  text: opt(fhirString),
  family: opt(fhirString),
  given: many(fhirString),
  prefix: many(fhirString),
  suffix: many(fhirString),
  period: opt(Period),
});

const ContactPoint = element({
  system: opt(codeFrom(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other'])),
  value: opt(fhirString),
  use: opt(codeFrom(['home', 'work', 'temp', 'old', 'mobile'])),
  rank: opt(positiveInt),
  period: opt(Period),
});

const Address = element({
  use: opt(codeFrom(['home', 'work', 'temp', 'old', 'billing'])),
  type: opt(codeFrom(['postal', 'physical', 'both'])),
  text: opt(fhirString),
  line: many(fhirString),
  city: opt(fhirString),
  district: opt(fhirString),
  state: opt(fhirString),
  postalCode: opt(fhirString),
  country: opt(fhirString),
  period: opt(Period),
});

const Link = element({ other: referenceTo('Patient', 'RelatedPerson'), type: codeFrom(['replaced-by', 'replaces', 'refer', 'seealso']) }, { backbone: true });

export const PatientSchema = domainResource('Patient', {
  identifier: many(Identifier),
  active: opt(boolean),
  name: many(HumanName),
  telecom: many(ContactPoint),
  gender: opt(codeFrom(['male', 'female', 'other', 'unknown'])),
  birthDate: opt(date),
  ...choice('deceased', { boolean, dateTime }),
  address: many(Address),
  maritalStatus: opt(CodeableConcept),
  ...choice('multipleBirth', { boolean, integer }),
  generalPractitioner: many(Reference),
  managingOrganization: opt(referenceTo('Organization')),
  link: many(Link),
});
