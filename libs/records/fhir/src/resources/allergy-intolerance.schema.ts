// AllergyIntolerance (R4, http://hl7.org/fhir/R4/allergyintolerance.html): a risk of
// a harmful reaction to a substance. Category: allergies.
import { Annotation } from '../datatypes/attachment.schema';
import { CodeableConcept, requiredConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { choice, many, opt, some } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { codeFrom, dateTime, fhirString } from '../datatypes/primitive.schema';
import { Age, Range } from '../datatypes/quantity.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from './domain-resource';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

const Reaction = element(
  {
    substance: opt(CodeableConcept),
    manifestation: some(CodeableConcept),
    description: opt(fhirString),
    onset: opt(dateTime),
    severity: opt(codeFrom(['mild', 'moderate', 'severe'])),
    exposureRoute: opt(CodeableConcept),
    note: many(Annotation),
  },
  { backbone: true },
);

const enteredInError = (status: { coding?: { system?: string; code?: string }[] } | undefined) =>
  status?.coding?.some((c) => c.system === VERIFICATION && c.code === 'entered-in-error') ?? false;

export const AllergyIntoleranceSchema = domainResource(
  'AllergyIntolerance',
  {
    identifier: many(Identifier),
    clinicalStatus: opt(requiredConcept(CLINICAL, ['active', 'inactive', 'resolved'])),
    verificationStatus: opt(requiredConcept(VERIFICATION, ['unconfirmed', 'confirmed', 'refuted', 'entered-in-error'])),
    type: opt(codeFrom(['allergy', 'intolerance'])),
    category: many(codeFrom(['food', 'medication', 'environment', 'biologic'])),
    criticality: opt(codeFrom(['low', 'high', 'unable-to-assess'])),
    code: opt(CodeableConcept),
    patient: referenceTo('Patient'),
    encounter: opt(Reference),
    ...choice('onset', { dateTime, Age, Period, Range, string: fhirString }),
    recordedDate: opt(dateTime),
    recorder: opt(Reference),
    asserter: opt(Reference),
    lastOccurrence: opt(dateTime),
    note: many(Annotation),
    reaction: many(Reaction),
  },
  [
    {
      key: 'ait-1',
      human: 'AllergyIntolerance.clinicalStatus SHALL be present if verificationStatus is not entered-in-error',
      holds: (a) => a.clinicalStatus !== undefined || enteredInError(a.verificationStatus),
    },
    {
      key: 'ait-2',
      human: 'AllergyIntolerance.clinicalStatus SHALL NOT be present if verification Status is entered-in-error',
      holds: (a) => a.clinicalStatus === undefined || !enteredInError(a.verificationStatus),
    },
  ],
);
