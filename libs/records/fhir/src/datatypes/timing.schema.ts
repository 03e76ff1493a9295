// Timing (R4 datatype, a BackboneElement): when Dosage and Observation.effective
// happen, with the tim-* invariants of the specification.
import { CodeableConcept } from './coding.schema';
import { element } from './element';
import { choice, many, opt } from './field';
import { codeFrom, dateTime, decimal, positiveInt, time, unsignedInt } from './primitive.schema';
import { Period } from './period.schema';
import { Duration, Range } from './quantity.schema';

const UNITS_OF_TIME = ['s', 'min', 'h', 'd', 'wk', 'mo', 'a'] as const;
const DAYS_OF_WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** http://hl7.org/fhir/event-timing plus the v3 TimingEvent codes the R4 value set includes. */
const EVENT_TIMING = [
  'MORN',
  'MORN.early',
  'MORN.late',
  'NOON',
  'AFT',
  'AFT.early',
  'AFT.late',
  'EVE',
  'EVE.early',
  'EVE.late',
  'NIGHT',
  'PHS',
  'HS',
  'WAKE',
  'C',
  'CM',
  'CD',
  'CV',
  'AC',
  'ACM',
  'ACD',
  'ACV',
  'PC',
  'PCM',
  'PCD',
  'PCV',
] as const;
/** Meals as a whole: an offset from "a meal" has no defined anchor (tim-9). */
const MEAL_EVENTS: readonly string[] = ['C', 'CM', 'CD', 'CV'];

const TimingRepeat = element(
  {
    ...choice('bounds', { Duration, Range, Period }),
    count: opt(positiveInt),
    countMax: opt(positiveInt),
    duration: opt(decimal),
    durationMax: opt(decimal),
    durationUnit: opt(codeFrom(UNITS_OF_TIME)),
    frequency: opt(positiveInt),
    frequencyMax: opt(positiveInt),
    period: opt(decimal),
    periodMax: opt(decimal),
    periodUnit: opt(codeFrom(UNITS_OF_TIME)),
    dayOfWeek: many(codeFrom(DAYS_OF_WEEK)),
    timeOfDay: many(time),
    when: many(codeFrom(EVENT_TIMING)),
    offset: opt(unsignedInt),
  },
  {
    invariants: [
      {
        key: 'tim-1',
        human: 'if there is a duration, there needs to be duration units',
        holds: (r) => r.duration === undefined || r.durationUnit !== undefined,
      },
      { key: 'tim-2', human: 'if there is a period, there needs to be period units', holds: (r) => r.period === undefined || r.periodUnit !== undefined },
      { key: 'tim-4', human: 'duration SHALL be a non-negative value', holds: (r) => r.duration === undefined || r.duration >= 0 },
      { key: 'tim-5', human: 'period SHALL be a non-negative value', holds: (r) => r.period === undefined || r.period >= 0 },
      { key: 'tim-6', human: 'if there is a periodMax, there must be a period', holds: (r) => r.periodMax === undefined || r.period !== undefined },
      { key: 'tim-7', human: 'if there is a durationMax, there must be a duration', holds: (r) => r.durationMax === undefined || r.duration !== undefined },
      { key: 'tim-8', human: 'if there is a countMax, there must be a count', holds: (r) => r.countMax === undefined || r.count !== undefined },
      {
        key: 'tim-9',
        human: 'if there is an offset, there must be a when (and not C, CM, CD, CV)',
        holds: (r) => r.offset === undefined || (r.when !== undefined && !r.when.some((w) => MEAL_EVENTS.includes(w))),
      },
      {
        key: 'tim-10',
        human: 'if there is a timeOfDay, there cannot be a when, or vice versa',
        holds: (r) => r.timeOfDay === undefined || r.when === undefined,
      },
    ],
  },
);

export const Timing = element({ event: many(dateTime), repeat: opt(TimingRepeat), code: opt(CodeableConcept) }, { backbone: true });
