// World-state key layout of the anchor contract. The chaincode's namespace is shared
// with the consent and claims contracts, so every key starts with "anchor/".
//
// The time index uses plain keys, not composite ones: fabric-shim refuses
// getStateByRange over composite keys (they begin with U+0000), and
// getStateByPartialCompositeKey only matches whole leading attributes, so it can
// say "lastTime equals X" but never "lastTime between X and Y". A plain key whose
// time part is fixed-width ISO-8601 sorts chronologically in LevelDB's byte order,
// and a range scan over it is what a time window needs.
import { formatUtcTimestamp } from './utc-timestamp';

const BATCH_PREFIX = 'anchor/batch/';
const BY_LAST_TIME_PREFIX = 'anchor/batch-by-last-time/';

// '~' sorts after '/' and after every hex digit, so it closes a range just past
// every key of a given time.
const AFTER_ANY_ID = '~';

/** The batch record itself. */
export function batchKey(batchId: string): string {
  return `${BATCH_PREFIX}${batchId}`;
}

/** Time index entry: lastTime first for order, the id second for uniqueness. */
export function byLastTimeKey(lastTime: string, batchId: string): string {
  return `${BY_LAST_TIME_PREFIX}${lastTime}/${batchId}`;
}

/** Range covering every index entry whose lastTime lies in [fromMillis, toMillis]. */
export function byLastTimeRange(fromMillis: number, toMillis: number): { startKey: string; endKey: string } {
  return {
    startKey: `${BY_LAST_TIME_PREFIX}${formatUtcTimestamp(fromMillis)}`,
    endKey: `${BY_LAST_TIME_PREFIX}${formatUtcTimestamp(toMillis)}${AFTER_ANY_ID}`,
  };
}
