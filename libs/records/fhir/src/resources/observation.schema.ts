// Observation (R4, http://hl7.org/fhir/R4/observation.html): measurements and simple
// assertions (vital signs, laboratory results…). Category: observations.
import { Annotation } from '../datatypes/attachment.schema';
import { CodeableConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { choice, many, opt } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { boolean, codeFrom, dateTime, fhirString, instant, integer, time } from '../datatypes/primitive.schema';
import { Quantity, Range, Ratio, SampledData, SimpleQuantity } from '../datatypes/quantity.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { Timing } from '../datatypes/timing.schema';
import { domainResource } from './domain-resource';

const valueTypes = { Quantity, CodeableConcept, string: fhirString, boolean, integer, Range, Ratio, SampledData, time, dateTime, Period };
const VALUE_KEYS = Object.keys(valueTypes).map((type) => `value${type.charAt(0).toUpperCase()}${type.slice(1)}`);

type Concept = { coding?: { system?: string; code?: string }[] };
const hasValue = (element: object) => VALUE_KEYS.some((key) => key in element);
const sameConcept = (a: Concept, b: Concept) =>
  (a.coding ?? []).some((x) => (b.coding ?? []).some((y) => x.system === y.system && x.code !== undefined && x.code === y.code));

const obs6 = {
  key: 'obs-6',
  human: 'dataAbsentReason SHALL only be present if value[x] is not present',
  holds: (o: { dataAbsentReason?: unknown }) => o.dataAbsentReason === undefined || !hasValue(o),
};

const ReferenceRange = element(
  {
    low: opt(SimpleQuantity),
    high: opt(SimpleQuantity),
    type: opt(CodeableConcept),
    appliesTo: many(CodeableConcept),
    age: opt(Range),
    text: opt(fhirString),
  },
  {
    backbone: true,
    invariants: [
      {
        key: 'obs-3',
        human: 'referenceRange must have at least a low or a high or text',
        holds: (r) => r.low !== undefined || r.high !== undefined || r.text !== undefined,
      },
    ],
  },
);

const Component = element(
  {
    code: CodeableConcept,
    ...choice('value', valueTypes),
    dataAbsentReason: opt(CodeableConcept),
    interpretation: many(CodeableConcept),
    referenceRange: many(ReferenceRange),
  },
  { backbone: true, invariants: [obs6] },
);

export const ObservationSchema = domainResource(
  'Observation',
  {
    identifier: many(Identifier),
    basedOn: many(Reference),
    partOf: many(Reference),
    status: codeFrom(['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown']),
    category: many(CodeableConcept),
    code: CodeableConcept,
    subject: opt(referenceTo('Patient', 'Group', 'Device', 'Location')),
    focus: many(Reference),
    encounter: opt(Reference),
    ...choice('effective', { dateTime, Period, Timing, instant }),
    issued: opt(instant),
    performer: many(Reference),
    ...choice('value', valueTypes),
    dataAbsentReason: opt(CodeableConcept),
    interpretation: many(CodeableConcept),
    note: many(Annotation),
    bodySite: opt(CodeableConcept),
    method: opt(CodeableConcept),
    specimen: opt(Reference),
    device: opt(Reference),
    referenceRange: many(ReferenceRange),
    hasMember: many(Reference),
    derivedFrom: many(Reference),
    component: many(Component),
  },
  [
    obs6,
    {
      key: 'obs-7',
      human: 'if Observation.code is the same as an Observation.component.code then the value element associated with the code SHALL NOT be present',
      holds: (o) => !hasValue(o) || !(o.component ?? []).some((c) => sameConcept(o.code, c.code)),
    },
  ],
);
