// AuditEvent (R4, http://hl7.org/fhir/R4/auditevent.html): a record of an event made
// for security purposes. Not a record carechain stores: audit produces them (IHE
// BALP) from its trail, and validates them with this schema.
import { CodeableConcept, Coding } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { choice, many, opt, some } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { base64Binary, boolean, codeFrom, fhirString, instant, uri } from '../datatypes/primitive.schema';
import { Reference } from '../datatypes/reference.schema';
import { domainResource } from './domain-resource';

const Network = element({ address: opt(fhirString), type: opt(codeFrom(['1', '2', '3', '4', '5'])) }, { backbone: true });

const Agent = element(
  {
    type: opt(CodeableConcept),
    role: many(CodeableConcept),
    who: opt(Reference),
    altId: opt(fhirString),
    name: opt(fhirString),
    requestor: boolean,
    location: opt(Reference),
    policy: many(uri),
    media: opt(Coding),
    network: opt(Network),
    purposeOfUse: many(CodeableConcept),
  },
  { backbone: true },
);

const Source = element({ site: opt(fhirString), observer: Reference, type: many(Coding) }, { backbone: true });

const Detail = element({ type: fhirString, ...choice('value', { string: fhirString, base64Binary }, '1..1') }, { backbone: true });

const Entity = element(
  {
    what: opt(Reference),
    type: opt(Coding),
    role: opt(Coding),
    lifecycle: opt(Coding),
    securityLabel: many(Coding),
    name: opt(fhirString),
    description: opt(fhirString),
    query: opt(base64Binary),
    detail: many(Detail),
  },
  { backbone: true, invariants: [{ key: 'sev-1', human: 'Either a name or a query (NOT both)', holds: (e) => e.name === undefined || e.query === undefined }] },
);

export const AuditEventSchema = domainResource('AuditEvent', {
  type: Coding,
  subtype: many(Coding),
  action: opt(codeFrom(['C', 'R', 'U', 'D', 'E'])),
  period: opt(Period),
  recorded: instant,
  outcome: opt(codeFrom(['0', '4', '8', '12'])),
  outcomeDesc: opt(fhirString),
  purposeOfEvent: many(CodeableConcept),
  agent: some(Agent),
  source: Source,
  entity: many(Entity),
});
