// MedicationStatement (R4, http://hl7.org/fhir/R4/medicationstatement.html): a
// medication the patient is taking, has taken or will take. Category: medications.
import { Annotation } from '../datatypes/attachment.schema';
import { CodeableConcept } from '../datatypes/coding.schema';
import { Dosage } from '../datatypes/dosage.schema';
import { choice, many, opt } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { codeFrom, dateTime } from '../datatypes/primitive.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from './domain-resource';

export const MedicationStatementSchema = domainResource('MedicationStatement', {
  identifier: many(Identifier),
  basedOn: many(Reference),
  partOf: many(Reference),
  status: codeFrom(['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken']),
  statusReason: many(CodeableConcept),
  category: opt(CodeableConcept),
  ...choice('medication', { CodeableConcept, Reference }, '1..1'),
  subject: referenceTo('Patient', 'Group'),
  context: opt(Reference),
  ...choice('effective', { dateTime, Period }),
  dateAsserted: opt(dateTime),
  informationSource: opt(Reference),
  derivedFrom: many(Reference),
  reasonCode: many(CodeableConcept),
  reasonReference: many(Reference),
  note: many(Annotation),
  dosage: many(Dosage),
});
