// Dosage (R4 datatype, a BackboneElement): how a medication is or was taken.
import { CodeableConcept } from './coding.schema';
import { element } from './element';
import { choice, many, opt } from './field';
import { boolean, fhirString, integer } from './primitive.schema';
import { Range, Ratio, SimpleQuantity } from './quantity.schema';
import { Timing } from './timing.schema';

const DoseAndRate = element({
  type: opt(CodeableConcept),
  ...choice('dose', { Range, Quantity: SimpleQuantity }),
  ...choice('rate', { Ratio, Range, Quantity: SimpleQuantity }),
});

export const Dosage = element(
  {
    sequence: opt(integer),
    text: opt(fhirString),
    additionalInstruction: many(CodeableConcept),
    patientInstruction: opt(fhirString),
    timing: opt(Timing),
    ...choice('asNeeded', { boolean, CodeableConcept }),
    site: opt(CodeableConcept),
    route: opt(CodeableConcept),
    method: opt(CodeableConcept),
    doseAndRate: many(DoseAndRate),
    maxDosePerPeriod: opt(Ratio),
    maxDosePerAdministration: opt(SimpleQuantity),
    maxDosePerLifetime: opt(SimpleQuantity),
  },
  { backbone: true },
);
