// Consent (R4, http://hl7.org/fhir/R4/consent.html), scope patient-privacy: one of the
// patient's grants as their export carries it (whom it permits, for which purposes and
// data, for how long). consent keeps grants in its own shape; audit maps them.
import { CodeableConcept, Coding } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { many, opt, some } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { codeFrom, dateTime } from '../datatypes/primitive.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from '../resources/domain-resource';

const ProvisionActor = element({ role: CodeableConcept, reference: Reference }, { backbone: true });

const Provision = element(
  {
    type: opt(codeFrom(['deny', 'permit'])),
    period: opt(Period),
    actor: many(ProvisionActor),
    action: many(CodeableConcept),
    securityLabel: many(Coding),
    purpose: many(Coding),
    class: many(Coding),
    code: many(CodeableConcept),
    dataPeriod: opt(Period),
  },
  { backbone: true },
);

export const ConsentSchema = domainResource('Consent', {
  identifier: many(Identifier),
  status: codeFrom(['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error']),
  scope: CodeableConcept,
  category: some(CodeableConcept),
  patient: opt(referenceTo('Patient')),
  dateTime: opt(dateTime),
  performer: many(Reference),
  organization: many(referenceTo('Organization')),
  policyRule: opt(CodeableConcept),
  provision: opt(Provision),
});
