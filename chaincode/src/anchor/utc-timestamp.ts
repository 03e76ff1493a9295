// Times in the anchor contract are exactly Date.prototype.toISOString()'s form (see
// shared/utc-instant.ts): lexical order is chronological, which is what the time
// index's range scans rely on.
import { utcMillisOf } from '../shared/utc-instant';
import { AnchorError } from './anchor.error';

/** The latest instant the fixed-width form can spell. */
export const MAX_UTC_TIMESTAMP = '9999-12-31T23:59:59.999Z';

/** Milliseconds since the epoch of a strict `YYYY-MM-DDTHH:mm:ss.sssZ` string. */
export function parseUtcTimestamp(value: string, name: string): number {
  const millis = utcMillisOf(value);
  if (millis === undefined) {
    throw AnchorError.invalid(`${name} must be an ISO-8601 UTC time like 2025-01-31T12:00:00.000Z`);
  }
  return millis;
}

/** The fixed-width form of `millis`, clamped to what that form can spell. */
export function formatUtcTimestamp(millis: number): string {
  return millis >= Date.parse(MAX_UTC_TIMESTAMP) ? MAX_UTC_TIMESTAMP : new Date(millis).toISOString();
}
