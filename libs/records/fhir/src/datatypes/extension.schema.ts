// Extension, the one open door of FHIR: any element may carry extensions, each with
// a url and either a value[x] or nested extensions (ext-1). The value types listed
// are validated; the rarer R4 types are refused as not supported rather than stored
// unchecked.
import { z } from 'zod';
import { Annotation, Attachment } from './attachment.schema';
import { CodeableConcept, Coding } from './coding.schema';
import { Dosage } from './dosage.schema';
import { bindExtension, element, type FhirExtension } from './element';
import { attribute, choice, notSupported } from './field';
import { Period } from './period.schema';
import * as p from './primitive.schema';
import { Age, Duration, Money, Quantity, Range, Ratio, SampledData } from './quantity.schema';
import { Identifier, Reference } from './reference.schema';
import { Timing } from './timing.schema';

const UNSUPPORTED_VALUE_TYPES = [
  'Address',
  'ContactPoint',
  'Count',
  'Distance',
  'HumanName',
  'Signature',
  'ContactDetail',
  'Contributor',
  'DataRequirement',
  'Expression',
  'ParameterDefinition',
  'RelatedArtifact',
  'TriggerDefinition',
  'UsageContext',
  'Meta',
] as const;

const unsupportedValues = Object.fromEntries(UNSUPPORTED_VALUE_TYPES.map((type) => [type, notSupported(`an extension value of type ${type}`)]));

export const Extension: z.ZodType<FhirExtension> = element(
  {
    url: attribute(p.uri),
    ...choice('value', {
      base64Binary: p.base64Binary,
      boolean: p.boolean,
      canonical: p.canonical,
      code: p.code,
      date: p.date,
      dateTime: p.dateTime,
      decimal: p.decimal,
      id: p.id,
      instant: p.instant,
      integer: p.integer,
      markdown: p.markdown,
      oid: p.oid,
      positiveInt: p.positiveInt,
      string: p.fhirString,
      time: p.time,
      unsignedInt: p.unsignedInt,
      uri: p.uri,
      url: p.url,
      uuid: p.uuid,
      Age,
      Annotation,
      Attachment,
      CodeableConcept,
      Coding,
      Dosage,
      Duration,
      Identifier,
      Money,
      Period,
      Quantity,
      Range,
      Ratio,
      Reference,
      SampledData,
      Timing,
      ...unsupportedValues,
    }),
  },
  {
    invariants: [
      {
        key: 'ext-1',
        human: 'an extension SHALL have either a value (value[x]) or nested extensions, but not both',
        holds: (e) => (e.extension !== undefined) !== Object.keys(e).some((key) => key.startsWith('value') || key.startsWith('_value')),
      },
    ],
  },
);

bindExtension(Extension);
