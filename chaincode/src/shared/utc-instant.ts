// Every time the chaincode's contracts accept is exactly Date.prototype.toISOString()'s
// form: fixed width, UTC, millisecond precision. One spelling per instant keeps
// records byte-identical on every peer whatever the client sent, and makes lexical
// order chronological. Each contract wraps this in its own INVALID_ARGUMENT error.

const ISO_UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Milliseconds since the epoch of a strict `YYYY-MM-DDTHH:mm:ss.sssZ` string, else undefined. */
export function utcMillisOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_UTC_MILLIS.test(value)) {
    return undefined;
  }
  // Date parsing of this exact ISO format is specified by ECMAScript, so it is
  // deterministic; the round trip rejects impossible dates such as 2025-02-30.
  const millis = Date.parse(value);
  return Number.isNaN(millis) || new Date(millis).toISOString() !== value ? undefined : millis;
}
