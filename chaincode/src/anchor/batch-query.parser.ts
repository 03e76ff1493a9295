// Arguments of QueryBatchesByTime, validated like AnchorBatch's: strings in, a
// bounded query out.
import { AnchorError } from './anchor.error';
import { MAX_QUERY_LIMIT } from './anchor.limits';
import { parseUtcTimestamp } from './utc-timestamp';

export interface BatchTimeQuery {
  /** Inclusive window, epoch milliseconds. */
  readonly from: number;
  readonly to: number;
  readonly limit: number;
}

const DECIMAL_LIMIT = /^[1-9][0-9]{0,3}$/;

export function parseBatchTimeQuery(fromIso: string, toIso: string, limit: string): BatchTimeQuery {
  const from = parseUtcTimestamp(fromIso, 'fromIso');
  const to = parseUtcTimestamp(toIso, 'toIso');
  if (from > to) {
    throw AnchorError.invalid('fromIso must not be after toIso');
  }
  const count = typeof limit === 'string' && DECIMAL_LIMIT.test(limit) ? Number(limit) : 0;
  if (count < 1 || count > MAX_QUERY_LIMIT) {
    throw AnchorError.invalid(`limit must be a decimal integer from 1 to ${MAX_QUERY_LIMIT}`);
  }
  return { from, to, limit: count };
}
