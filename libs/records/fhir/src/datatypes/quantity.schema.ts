// Quantity and its profiles (SimpleQuantity, Age, Duration), and the types built on
// it: Range, Ratio, Money, SampledData.
import { element, type Invariant } from './element';
import { opt } from './field';
import { code, codeFrom, decimal, fhirString, positiveInt, text, uri } from './primitive.schema';

const UCUM = 'http://unitsofmeasure.org';

const quantityShape = {
  value: opt(decimal),
  comparator: opt(codeFrom(['<', '<=', '>=', '>'])),
  unit: opt(fhirString),
  system: opt(uri),
  code: opt(code),
};
type QuantityValue = { value?: number; comparator?: string; system?: string; code?: string; unit?: string };

const qty3: Invariant<QuantityValue> = {
  key: 'qty-3',
  human: 'if a code for the unit is present, the system SHALL also be present',
  holds: (q) => q.code === undefined || q.system !== undefined,
};

export const Quantity = element(quantityShape, { invariants: [qty3] });

export const SimpleQuantity = element(quantityShape, {
  invariants: [qty3, { key: 'sqty-1', human: 'the comparator is not used on a SimpleQuantity', holds: (q) => q.comparator === undefined }],
});

export const Age = element(quantityShape, {
  invariants: [
    qty3,
    {
      key: 'age-1',
      human: 'there SHALL be a code if there is a value, a system if present SHALL be UCUM, and a value if present SHALL be positive',
      holds: (q) => (q.code !== undefined || q.value === undefined) && (q.system === undefined || q.system === UCUM) && (q.value === undefined || q.value > 0),
    },
  ],
});

export const Duration = element(quantityShape, {
  invariants: [
    qty3,
    {
      key: 'drt-1',
      human: 'there SHALL be a code if there is a value and it SHALL be an expression of time; if system is present, it SHALL be UCUM',
      holds: (q) => q.code === undefined || (q.system === UCUM && q.value !== undefined),
    },
  ],
});

// Quantities compare only when they are in the same unit; otherwise the FHIRPath
// comparison is empty and the invariant holds.
function notGreater(low?: QuantityValue, high?: QuantityValue): boolean {
  if (low?.value === undefined || high?.value === undefined) return true;
  const sameUnit = low.code !== undefined || high.code !== undefined ? low.code === high.code && low.system === high.system : low.unit === high.unit;
  return !sameUnit || low.value <= high.value;
}

export const Range = element(
  { low: opt(SimpleQuantity), high: opt(SimpleQuantity) },
  { invariants: [{ key: 'rng-2', human: 'if present, low SHALL have a lower value than high', holds: (r) => notGreater(r.low, r.high) }] },
);

export const Ratio = element(
  { numerator: opt(Quantity), denominator: opt(Quantity) },
  {
    invariants: [
      {
        key: 'rat-1',
        human: 'numerator and denominator SHALL both be present, or both absent with an extension present',
        holds: (r) => (r.numerator === undefined) === (r.denominator === undefined) && (r.numerator !== undefined || r.extension !== undefined),
      },
    ],
  },
);

/** ISO 4217 currency codes are three upper-case letters; the code list itself is not checked. */
const currency = text('code', (v) => /^[A-Z]{3}$/.test(v), 'an ISO 4217 currency code such as EUR');

export const Money = element({ value: opt(decimal), currency: opt(currency) });

export const SampledData = element({
  origin: SimpleQuantity,
  period: decimal,
  factor: opt(decimal),
  lowerLimit: opt(decimal),
  upperLimit: opt(decimal),
  dimensions: positiveInt,
  data: opt(fhirString),
});
