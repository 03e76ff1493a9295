import { anchorArgs, hex64, sourceRangeJson } from '../testing/anchor-fixtures';
import { parseBatchAnchor } from './batch-anchor.parser';

describe('parseBatchAnchor', () => {
  it('turns valid arguments into a typed anchor', () => {
    expect(parseBatchAnchor(anchorArgs())).toEqual({
      batchId: hex64('records.record.v1/3/100/199'),
      merkleRoot: hex64('root'),
      leafCount: 100,
      firstTime: '2025-03-01T10:00:00.000Z',
      lastTime: '2025-03-01T10:00:02.500Z',
      sourceRange: { topic: 'records.record.v1', partition: 3, firstOffset: 100, lastOffset: 199 },
    });
  });

  it('accepts the edges: one leaf, one offset, an instant window, 100000 leaves', () => {
    const single = anchorArgs({ leafCount: '1', lastTime: '2025-03-01T10:00:00.000Z', sourceRange: sourceRangeJson({ lastOffset: 100 }) });
    expect(parseBatchAnchor(single).leafCount).toBe(1);
    const big = anchorArgs({ leafCount: '100000', sourceRange: sourceRangeJson({ firstOffset: 0, lastOffset: 99_999 }) });
    expect(parseBatchAnchor(big).leafCount).toBe(100_000);
  });

  it.each([
    ['batchId upper case', { batchId: hex64('x').toUpperCase() }, 'batchId'],
    ['batchId too short', { batchId: hex64('x').slice(1) }, 'batchId'],
    ['batchId not hex', { batchId: 'g'.repeat(64) }, 'batchId'],
    ['merkleRoot too long', { merkleRoot: `${hex64('x')}00` }, 'merkleRoot'],
    ['merkleRoot free text', { merkleRoot: 'Jane Doe, HIV positive' }, 'merkleRoot'],
    ['leafCount zero', { leafCount: '0' }, 'leafCount'],
    ['leafCount above 100000', { leafCount: '100001' }, 'leafCount'],
    ['leafCount fractional', { leafCount: '1.5' }, 'leafCount'],
    ['leafCount exponent', { leafCount: '1e3' }, 'leafCount'],
    ['leafCount padded', { leafCount: ' 10' }, 'leafCount'],
    ['firstTime with offset', { firstTime: '2025-03-01T10:00:00.000+01:00' }, 'firstTime'],
    ['firstTime without millis', { firstTime: '2025-03-01T10:00:00Z' }, 'firstTime'],
    ['firstTime impossible date', { firstTime: '2025-02-30T10:00:00.000Z' }, 'firstTime'],
    ['lastTime not a time', { lastTime: 'yesterday' }, 'lastTime'],
    ['firstTime after lastTime', { firstTime: '2025-03-01T10:00:03.000Z' }, 'firstTime must not be after lastTime'],
    ['window over 15 minutes', { lastTime: '2025-03-01T10:15:00.001Z' }, 'at most 15 minutes'],
    ['sourceRange not JSON', { sourceRange: '{topic:' }, 'sourceRange must be JSON'],
    ['sourceRange an array', { sourceRange: '[1]' }, 'sourceRange must be a JSON object'],
    ['sourceRange null', { sourceRange: 'null' }, 'sourceRange must be a JSON object'],
    ['sourceRange with an extra field', { sourceRange: '{"topic":"t","partition":0,"firstOffset":0,"lastOffset":9,"note":"Jane"}' }, 'exactly topic'],
    ['sourceRange missing a field', { sourceRange: '{"topic":"t","partition":0,"firstOffset":0}' }, 'exactly topic'],
    ['topic upper case', { sourceRange: sourceRangeJson({ topic: 'Records' }) }, 'sourceRange.topic'],
    ['topic with spaces', { sourceRange: sourceRangeJson({ topic: 'a b' }) }, 'sourceRange.topic'],
    ['topic too long', { sourceRange: sourceRangeJson({ topic: 'a'.repeat(121) }) }, 'sourceRange.topic'],
    ['partition negative', { sourceRange: sourceRangeJson({ partition: -1 }) }, 'sourceRange.partition'],
    ['partition a string', { sourceRange: '{"topic":"t","partition":"3","firstOffset":100,"lastOffset":199}' }, 'sourceRange.partition'],
    ['offset fractional', { sourceRange: sourceRangeJson({ firstOffset: 100.5 }) }, 'sourceRange.firstOffset'],
    ['offset unsafe', { sourceRange: sourceRangeJson({ lastOffset: 2 ** 53 }) }, 'sourceRange.lastOffset'],
    ['offsets reversed', { sourceRange: sourceRangeJson({ firstOffset: 200 }) }, 'firstOffset must not be after'],
    ['more leaves than offsets', { leafCount: '101' }, 'leafCount exceeds'],
    ['sourceRange too large', { sourceRange: `${' '.repeat(400)}${sourceRangeJson()}` }, 'sourceRange must be at most'],
    ['payload too large', { sourceRange: `${' '.repeat(380)}${sourceRangeJson()}`, merkleRoot: 'x'.repeat(300) }, 'arguments total'],
  ])('refuses %s', (_case, overrides, message) => {
    expect(() => parseBatchAnchor(anchorArgs(overrides))).toThrow(/^INVALID_ARGUMENT: /);
    expect(() => parseBatchAnchor(anchorArgs(overrides))).toThrow(message);
  });

  it('refuses non-string arguments', () => {
    const args = { ...anchorArgs(), leafCount: 5 as unknown as string };
    expect(() => parseBatchAnchor(args)).toThrow('INVALID_ARGUMENT: every argument must be a string');
  });
});
