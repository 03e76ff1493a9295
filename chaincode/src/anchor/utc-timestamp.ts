// Times in the anchor contract are exactly Date.prototype.toISOString()'s form:
// fixed width, UTC, millisecond precision. One spelling per instant keeps records
// byte-identical on every peer and makes lexical order chronological, which is
// what the time index's range scans rely on.
import { AnchorError } from './anchor.error';

const ISO_UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The latest instant the fixed-width form can spell. */
export const MAX_UTC_TIMESTAMP = '9999-12-31T23:59:59.999Z';

/** Milliseconds since the epoch of a strict `YYYY-MM-DDTHH:mm:ss.sssZ` string. */
export function parseUtcTimestamp(value: string, name: string): number {
  // Date parsing of this exact ISO format is specified by ECMAScript, so it is
  // deterministic; the round trip rejects impossible dates such as 2025-02-30.
  const millis = ISO_UTC_MILLIS.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(millis) || new Date(millis).toISOString() !== value) {
    throw AnchorError.invalid(`${name} must be an ISO-8601 UTC time like 2025-01-31T12:00:00.000Z`);
  }
  return millis;
}

/** The fixed-width form of `millis`, clamped to what that form can spell. */
export function formatUtcTimestamp(millis: number): string {
  return millis >= Date.parse(MAX_UTC_TIMESTAMP) ? MAX_UTC_TIMESTAMP : new Date(millis).toISOString();
}
