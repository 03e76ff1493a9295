// ISO 8601 instants as epoch milliseconds. An offset (Z or ±hh:mm) is required: a
// local time would be read in the server's zone, and a date alone is ambiguous for a
// bound ("valid until 2025-12-31" means the end of that day to a person, its first
// millisecond to Date.parse).
import { ConsentDecisionError, ConsentDecisionErrorCode } from './consent-decision.error';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function parseInstant(value: string, field: string): number {
  const ms = ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new ConsentDecisionError(ConsentDecisionErrorCode.InvalidTimestamp, `${field} is not an ISO 8601 instant with an offset`);
  }
  return ms;
}
