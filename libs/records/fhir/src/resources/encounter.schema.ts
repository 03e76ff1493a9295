// Encounter (R4, http://hl7.org/fhir/R4/encounter.html): an interaction between the
// patient and care providers (a visit, an admission…). Category: encounters.
import { CodeableConcept, Coding } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { many, opt } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { codeFrom, positiveInt } from '../datatypes/primitive.schema';
import { Duration } from '../datatypes/quantity.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from './domain-resource';

const encounterStatus = codeFrom(['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown']);

const StatusHistory = element({ status: encounterStatus, period: Period }, { backbone: true });

const ClassHistory = element({ class: Coding, period: Period }, { backbone: true });

const Participant = element({ type: many(CodeableConcept), period: opt(Period), individual: opt(Reference) }, { backbone: true });

const Diagnosis = element({ condition: Reference, use: opt(CodeableConcept), rank: opt(positiveInt) }, { backbone: true });

const Hospitalization = element(
  {
    preAdmissionIdentifier: opt(Identifier),
    origin: opt(Reference),
    admitSource: opt(CodeableConcept),
    reAdmission: opt(CodeableConcept),
    dietPreference: many(CodeableConcept),
    specialCourtesy: many(CodeableConcept),
    specialArrangement: many(CodeableConcept),
    destination: opt(Reference),
    dischargeDisposition: opt(CodeableConcept),
  },
  { backbone: true },
);

const Location = element(
  { location: Reference, status: opt(codeFrom(['planned', 'active', 'reserved', 'completed'])), physicalType: opt(CodeableConcept), period: opt(Period) },
  { backbone: true },
);

export const EncounterSchema = domainResource('Encounter', {
  identifier: many(Identifier),
  status: encounterStatus,
  statusHistory: many(StatusHistory),
  class: Coding,
  classHistory: many(ClassHistory),
  type: many(CodeableConcept),
  serviceType: opt(CodeableConcept),
  priority: opt(CodeableConcept),
  subject: opt(referenceTo('Patient', 'Group')),
  episodeOfCare: many(Reference),
  basedOn: many(Reference),
  participant: many(Participant),
  appointment: many(Reference),
  period: opt(Period),
  length: opt(Duration),
  reasonCode: many(CodeableConcept),
  reasonReference: many(Reference),
  diagnosis: many(Diagnosis),
  account: many(Reference),
  hospitalization: opt(Hospitalization),
  location: many(Location),
  serviceProvider: opt(Reference),
  partOf: opt(Reference),
});
