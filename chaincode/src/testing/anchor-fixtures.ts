// Valid AnchorBatch arguments for the specs, with per-test overrides.
import { createHash } from 'node:crypto';
import type { AnchorBatchArgs } from '../anchor/batch-anchor.parser';

export const hex64 = (seed: string): string => createHash('sha256').update(seed).digest('hex');

export interface SourceRangeFixture {
  topic: string;
  partition: number;
  firstOffset: number;
  lastOffset: number;
}

export function sourceRangeJson(overrides: Partial<SourceRangeFixture> = {}): string {
  return JSON.stringify({ topic: 'records.record.v1', partition: 3, firstOffset: 100, lastOffset: 199, ...overrides });
}

export function anchorArgs(overrides: Partial<AnchorBatchArgs> = {}): AnchorBatchArgs {
  return {
    batchId: hex64('records.record.v1/3/100/199'),
    merkleRoot: hex64('root'),
    leafCount: '100',
    firstTime: '2025-03-01T10:00:00.000Z',
    lastTime: '2025-03-01T10:00:02.500Z',
    sourceRange: sourceRangeJson(),
    ...overrides,
  };
}

/** The arguments in AnchorBatch's positional order. */
export function positional(args: AnchorBatchArgs): [string, string, string, string, string, string] {
  return [args.batchId, args.merkleRoot, args.leafCount, args.firstTime, args.lastTime, args.sourceRange];
}
