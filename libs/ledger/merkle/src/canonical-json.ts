// Canonical JSON in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code
// units, no whitespace, ECMAScript number and string serialisation. A commitment is
// an HMAC over these bytes, so the producer that anchors an event and the verifier
// that re-reads it from Kafka years later must get the same bytes from the same
// event, whatever key order either side's JSON library produced.
//
// Values follow JSON.stringify's data model (toJSON honoured, undefined members
// dropped, undefined array items become null) so that canonicalJson(x) equals
// canonicalJson(JSON.parse(JSON.stringify(x))): the anchored form and the form read
// back off the wire always agree. What JSON cannot represent exactly is refused:
// NaN/Infinity, BigInt, lone surrogates (RFC 8785 admits only I-JSON), cycles.
import { MerkleError, MerkleErrorCode } from './merkle.error';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface WithToJson {
  toJSON(key: string): unknown;
}

/** The RFC 8785-style canonical JSON text of `value`. */
export function canonicalJson(value: unknown): string {
  const text = serialize(value, '', new Set());
  if (text === undefined) {
    throw new MerkleError(MerkleErrorCode.NotCanonicalizable, `a top-level ${typeof value} has no JSON form`);
  }
  return text;
}

/** UTF-8 bytes of the canonical JSON of a CloudEvents envelope: the input of a leaf commitment. */
export function canonicalEventBytes(event: object): Buffer {
  return Buffer.from(canonicalJson(event), 'utf8');
}

// Returns undefined for values JSON.stringify would omit (undefined, functions, symbols).
function serialize(input: unknown, key: string, ancestors: Set<object>): string | undefined {
  const value = hasToJson(input) ? input.toJSON(key) : input;
  switch (typeof value) {
    case 'string':
      return serializeString(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new MerkleError(MerkleErrorCode.NotCanonicalizable, `${value} has no JSON form (at "${key}")`);
      }
      return JSON.stringify(value); // ECMAScript Number::toString, -0 as 0: what RFC 8785 §3.2.2.3 prescribes
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new MerkleError(MerkleErrorCode.NotCanonicalizable, `BigInt has no exact JSON form (at "${key}")`);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      return value === null ? 'null' : serializeContainer(value, key, ancestors);
  }
}

function serializeContainer(value: object, key: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) {
    throw new MerkleError(MerkleErrorCode.NotCanonicalizable, `cycle at "${key}"`);
  }
  ancestors.add(value);
  let text: string;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown, i) => serialize(item, String(i), ancestors) ?? 'null');
    text = `[${items.join(',')}]`;
  } else {
    const record = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, which is exactly RFC 8785 §3.2.3's order.
    const members: string[] = [];
    for (const name of Object.keys(record).sort()) {
      const member = serialize(record[name], name, ancestors);
      if (member !== undefined) {
        members.push(`${serializeString(name)}:${member}`);
      }
    }
    text = `{${members.join(',')}}`;
  }
  ancestors.delete(value);
  return text;
}

function serializeString(value: string): string {
  if (LONE_SURROGATE.test(value)) {
    throw new MerkleError(MerkleErrorCode.NotCanonicalizable, 'string contains a lone surrogate');
  }
  // Well-formed JSON.stringify escapes exactly what RFC 8785 §3.2.2.2 requires:
  // " and \, the short forms \b \t \n \f \r, other controls as lowercase \u00xx.
  return JSON.stringify(value);
}

function hasToJson(value: unknown): value is WithToJson {
  return typeof value === 'object' && value !== null && typeof (value as Partial<WithToJson>).toJSON === 'function';
}
