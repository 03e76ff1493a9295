// Turns AnchorBatch's string arguments into a BatchAnchor, or refuses them with an
// INVALID_ARGUMENT error naming the argument. The record is rebuilt from the parsed
// values, never copied from the input, so unknown fields cannot slip onto the chain.
import { MAX_BATCH_WINDOW_MS, MAX_LEAF_COUNT } from '@carechain/ledger-chaincode-api';
import { AnchorError } from './anchor.error';
import { BATCH_ID_PATTERN, MAX_ANCHOR_PAYLOAD_BYTES, MAX_PARTITION, MAX_SOURCE_RANGE_BYTES, MERKLE_ROOT_PATTERN, TOPIC_PATTERN } from './anchor.limits';
import type { BatchAnchor, SourceRange } from '@carechain/ledger-chaincode-api';
import { parseUtcTimestamp } from './utc-timestamp';

export interface AnchorBatchArgs {
  readonly batchId: string;
  readonly merkleRoot: string;
  readonly leafCount: string;
  readonly firstTime: string;
  readonly lastTime: string;
  readonly sourceRange: string;
}

const SOURCE_RANGE_KEYS = ['firstOffset', 'lastOffset', 'partition', 'topic'];
const DECIMAL_COUNT = /^[1-9][0-9]{0,5}$/;

export function parseBatchAnchor(args: AnchorBatchArgs): BatchAnchor {
  const values = Object.values(args);
  if (!values.every((value) => typeof value === 'string')) {
    throw AnchorError.invalid('every argument must be a string');
  }
  const payloadBytes = values.reduce((sum, value) => sum + Buffer.byteLength(value, 'utf8'), 0);
  if (payloadBytes > MAX_ANCHOR_PAYLOAD_BYTES) {
    throw AnchorError.invalid(`arguments total ${payloadBytes} bytes, more than ${MAX_ANCHOR_PAYLOAD_BYTES}`);
  }
  if (!BATCH_ID_PATTERN.test(args.batchId)) {
    throw AnchorError.invalid('batchId must be 64 lowercase hex characters');
  }
  if (!MERKLE_ROOT_PATTERN.test(args.merkleRoot)) {
    throw AnchorError.invalid('merkleRoot must be 64 lowercase hex characters');
  }
  const leafCount = DECIMAL_COUNT.test(args.leafCount) ? Number(args.leafCount) : 0;
  if (leafCount < 1 || leafCount > MAX_LEAF_COUNT) {
    throw AnchorError.invalid(`leafCount must be a decimal integer from 1 to ${MAX_LEAF_COUNT}`);
  }
  const first = parseUtcTimestamp(args.firstTime, 'firstTime');
  const last = parseUtcTimestamp(args.lastTime, 'lastTime');
  if (first > last) {
    throw AnchorError.invalid('firstTime must not be after lastTime');
  }
  if (last - first > MAX_BATCH_WINDOW_MS) {
    throw AnchorError.invalid(`a batch may span at most ${MAX_BATCH_WINDOW_MS / 60_000} minutes from firstTime to lastTime`);
  }
  const sourceRange = parseSourceRange(args.sourceRange);
  if (leafCount > sourceRange.lastOffset - sourceRange.firstOffset + 1) {
    throw AnchorError.invalid('leafCount exceeds the number of offsets in sourceRange'); // one record per offset
  }
  return { batchId: args.batchId, merkleRoot: args.merkleRoot, leafCount, firstTime: args.firstTime, lastTime: args.lastTime, sourceRange };
}

function parseSourceRange(text: string): SourceRange {
  if (Buffer.byteLength(text, 'utf8') > MAX_SOURCE_RANGE_BYTES) {
    throw AnchorError.invalid(`sourceRange must be at most ${MAX_SOURCE_RANGE_BYTES} bytes`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw AnchorError.invalid('sourceRange must be JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw AnchorError.invalid('sourceRange must be a JSON object');
  }
  const fields = parsed as Record<string, unknown>;
  if (Object.keys(fields).sort().join() !== SOURCE_RANGE_KEYS.join()) {
    throw AnchorError.invalid('sourceRange must have exactly topic, partition, firstOffset and lastOffset');
  }
  const { topic, partition, firstOffset, lastOffset } = fields;
  if (typeof topic !== 'string' || !TOPIC_PATTERN.test(topic)) {
    throw AnchorError.invalid(`sourceRange.topic must match ${TOPIC_PATTERN}`);
  }
  const range = {
    topic,
    partition: integerIn(partition, MAX_PARTITION, 'sourceRange.partition'),
    firstOffset: integerIn(firstOffset, Number.MAX_SAFE_INTEGER, 'sourceRange.firstOffset'),
    lastOffset: integerIn(lastOffset, Number.MAX_SAFE_INTEGER, 'sourceRange.lastOffset'),
  };
  if (range.firstOffset > range.lastOffset) {
    throw AnchorError.invalid('sourceRange.firstOffset must not be after sourceRange.lastOffset');
  }
  return range;
}

function integerIn(value: unknown, max: number, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) {
    throw AnchorError.invalid(`${name} must be an integer from 0 to ${max}`);
  }
  return value;
}
