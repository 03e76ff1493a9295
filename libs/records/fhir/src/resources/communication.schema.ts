// Communication (R4, http://hl7.org/fhir/R4/communication.html): a message that was
// conveyed, e.g. a letter to the patient or between practitioners. Category:
// communications.
import { Annotation, Attachment } from '../datatypes/attachment.schema';
import { CodeableConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { choice, many, opt } from '../datatypes/field';
import { canonical, codeFrom, dateTime, fhirString, uri } from '../datatypes/primitive.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from './domain-resource';

const Payload = element({ ...choice('content', { string: fhirString, Attachment, Reference }, '1..1') }, { backbone: true });

export const CommunicationSchema = domainResource('Communication', {
  identifier: many(Identifier),
  instantiatesCanonical: many(canonical),
  instantiatesUri: many(uri),
  basedOn: many(Reference),
  partOf: many(Reference),
  inResponseTo: many(Reference),
  status: codeFrom(['preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed', 'entered-in-error', 'unknown']),
  statusReason: opt(CodeableConcept),
  category: many(CodeableConcept),
  priority: opt(codeFrom(['routine', 'urgent', 'asap', 'stat'])),
  medium: many(CodeableConcept),
  subject: opt(referenceTo('Patient', 'Group')),
  topic: opt(CodeableConcept),
  about: many(Reference),
  encounter: opt(Reference),
  sent: opt(dateTime),
  received: opt(dateTime),
  recipient: many(Reference),
  sender: opt(Reference),
  reasonCode: many(CodeableConcept),
  reasonReference: many(Reference),
  payload: many(Payload),
  note: many(Annotation),
});
