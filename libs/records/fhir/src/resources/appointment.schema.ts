// Appointment (R4, http://hl7.org/fhir/R4/appointment.html): a booking of a
// healthcare event among patient and practitioners. Category: appointments.
import { CodeableConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { many, opt, some } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { codeFrom, dateTime, fhirString, instant, positiveInt, unsignedInt } from '../datatypes/primitive.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from './domain-resource';

/** Appointments that may still lack a time (app-3). */
const UNSCHEDULED_STATUSES: readonly string[] = ['proposed', 'cancelled', 'waitlist'];

const Participant = element(
  {
    type: many(CodeableConcept),
    actor: opt(referenceTo('Patient', 'Practitioner', 'PractitionerRole', 'RelatedPerson', 'Device', 'HealthcareService', 'Location')),
    required: opt(codeFrom(['required', 'optional', 'information-only'])),
    status: codeFrom(['accepted', 'declined', 'tentative', 'needs-action']),
    period: opt(Period),
  },
  {
    backbone: true,
    invariants: [
      { key: 'app-1', human: 'either the type or actor on the participant SHALL be specified', holds: (p) => p.type !== undefined || p.actor !== undefined },
    ],
  },
);

export const AppointmentSchema = domainResource(
  'Appointment',
  {
    identifier: many(Identifier),
    status: codeFrom(['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist']),
    cancelationReason: opt(CodeableConcept),
    serviceCategory: many(CodeableConcept),
    serviceType: many(CodeableConcept),
    specialty: many(CodeableConcept),
    appointmentType: opt(CodeableConcept),
    reasonCode: many(CodeableConcept),
    reasonReference: many(Reference),
    priority: opt(unsignedInt),
    description: opt(fhirString),
    supportingInformation: many(Reference),
    start: opt(instant),
    end: opt(instant),
    minutesDuration: opt(positiveInt),
    slot: many(Reference),
    created: opt(dateTime),
    comment: opt(fhirString),
    patientInstruction: opt(fhirString),
    basedOn: many(Reference),
    participant: some(Participant),
    requestedPeriod: many(Period),
  },
  [
    { key: 'app-2', human: 'either start and end are specified, or neither', holds: (a) => (a.start === undefined) === (a.end === undefined) },
    {
      key: 'app-3',
      human: 'only proposed or cancelled appointments can be missing start/end dates',
      holds: (a) => (a.start !== undefined && a.end !== undefined) || UNSCHEDULED_STATUSES.includes(a.status),
    },
  ],
);
