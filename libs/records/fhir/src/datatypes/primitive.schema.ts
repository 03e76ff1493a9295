// FHIR R4 primitive types (http://hl7.org/fhir/R4/datatypes.html#primitive) with the
// regexes of the specification. In JSON, numbers and booleans are JSON numbers and
// booleans ("5" is not an integer), and every string must be non-empty.
import { z } from 'zod';
import { primitive } from './field';

const YEAR = String.raw`([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)`;
const MONTH = String.raw`(0[1-9]|1[0-2])`;
const DAY = String.raw`(0[1-9]|[1-2][0-9]|3[0-1])`;
const TIME = String.raw`([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?`;
const ZONE = String.raw`(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))`;

export const DATE_TIME_PATTERN = new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME}${ZONE})?)?)?$`);
export const DATE_PATTERN = new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`);
export const INSTANT_PATTERN = new RegExp(`^${YEAR}-${MONTH}-${DAY}T${TIME}${ZONE}$`);
export const TIME_PATTERN = new RegExp(`^${TIME}$`);
export const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;
const CODE_PATTERN = /^\S+(\s\S+)*$/;
const URI_PATTERN = /^\S+$/;
const OID_PATTERN = /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/;
const UUID_PATTERN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// The R4 regex for base64Binary forgets '/' (part of the base64 alphabet); this
// checks the alphabet and padding on the value with its whitespace removed, which
// also avoids that regex's nested quantifiers on long payloads.
const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;

/** "string … SHALL be less than 1MB in size". */
const MAX_STRING_LENGTH = 1024 * 1024;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/** The regexes let 2023-02-31 through; "dates SHALL be valid dates". */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!match?.[3]) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Tab, LF and CR are the only control characters a FHIR string may contain.
function hasNoControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

/** A string primitive: non-empty, under 1 MB, and `valid`. */
export function text(type: string, valid: (value: string) => boolean, hint: string) {
  return primitive(
    z
      .string()
      .min(1, { error: 'empty strings are not allowed in FHIR JSON: omit the element instead', abort: true })
      .max(MAX_STRING_LENGTH, { error: `${type} values must be under 1 MB`, abort: true })
      .refine(valid, { error: `not a valid FHIR ${type}: ${hint}`, params: { fhir: 'value' } }),
  );
}

function whole(type: string, min: number) {
  return primitive(
    z
      .number()
      .int({ error: `${type} must be a whole number`, abort: true })
      .min(min, { error: `${type} must be at least ${min}` })
      .max(INT32_MAX, { error: `${type} must be at most ${INT32_MAX} (32 bits)` }),
  );
}

const matches = (pattern: RegExp) => (value: string) => pattern.test(value);

export const fhirString = text('string', hasNoControlCharacters, 'control characters other than tab, CR and LF are not allowed');
export const markdown = text('markdown', hasNoControlCharacters, 'control characters other than tab, CR and LF are not allowed');
export const code = text('code', matches(CODE_PATTERN), 'no leading, trailing or repeated whitespace');
export const id = text('id', matches(ID_PATTERN), '1-64 characters of A-Z a-z 0-9 - .');
export const uri = text('uri', matches(URI_PATTERN), 'no whitespace');
export const url = text('url', matches(URI_PATTERN), 'no whitespace');
export const canonical = text('canonical', matches(URI_PATTERN), 'no whitespace');
export const oid = text('oid', matches(OID_PATTERN), 'urn:oid: followed by a dotted OID');
export const uuid = text('uuid', matches(UUID_PATTERN), 'urn:uuid: followed by a lower-case UUID');
export const base64Binary = text(
  'base64Binary',
  (v) => {
    const compact = v.replace(/\s+/g, '');
    return compact.length % 4 === 0 && BASE64_PATTERN.test(compact);
  },
  'base64 characters in groups of four',
);
export const dateTime = text(
  'dateTime',
  (v) => DATE_TIME_PATTERN.test(v) && isCalendarDate(v),
  'YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.fff] with a time zone (Z or ±hh:mm), on a real calendar date',
);
export const date = text('date', (v) => DATE_PATTERN.test(v) && isCalendarDate(v), 'YYYY, YYYY-MM or YYYY-MM-DD, on a real calendar date');
export const instant = text('instant', (v) => INSTANT_PATTERN.test(v) && isCalendarDate(v), 'YYYY-MM-DDThh:mm:ss[.fff] with a time zone (Z or ±hh:mm)');
export const time = text('time', matches(TIME_PATTERN), 'hh:mm:ss[.fff] without a time zone');

export const boolean = primitive(z.boolean());
export const decimal = primitive(z.number());
export const integer = primitive(
  z.number().int({ error: 'integer must be a whole number', abort: true }).min(INT32_MIN).max(INT32_MAX, { error: 'integer must fit in 32 bits' }),
);
export const positiveInt = whole('positiveInt', 1);
export const unsignedInt = whole('unsignedInt', 0);

/** A code from a required binding: the value must be one of `values`. */
export function codeFrom<const T extends readonly [string, ...string[]]>(values: T) {
  return primitive(z.enum(values));
}
