import { batchKey, byLastTimeKey, byLastTimeRange } from './batch-keys';

const inRange = (key: string, range: { startKey: string; endKey: string }): boolean =>
  Buffer.compare(Buffer.from(key), Buffer.from(range.startKey)) >= 0 && Buffer.compare(Buffer.from(key), Buffer.from(range.endKey)) < 0;

describe('anchor key layout', () => {
  const id = 'ab'.repeat(32);

  it('keeps every key under the anchor/ prefix and simple (not composite)', () => {
    for (const key of [batchKey(id), byLastTimeKey('2025-01-01T00:00:00.000Z', id)]) {
      expect(key.startsWith('anchor/')).toBe(true);
      expect(key.startsWith('\u0000')).toBe(false);
    }
  });

  it('sorts time index keys chronologically in byte order', () => {
    const times = ['2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.001Z', '2025-01-01T00:00:01.000Z', '2025-12-31T23:59:59.999Z', '2026-01-01T00:00:00.000Z'];
    const keys = times.map((t) => byLastTimeKey(t, id));
    expect([...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))).toEqual(keys);
  });

  it('covers both ends of the window inclusively and nothing outside it', () => {
    const range = byLastTimeRange(Date.parse('2025-01-01T00:00:00.000Z'), Date.parse('2025-01-01T00:00:01.000Z'));
    expect(inRange(byLastTimeKey('2025-01-01T00:00:00.000Z', '0'.repeat(64)), range)).toBe(true);
    expect(inRange(byLastTimeKey('2025-01-01T00:00:01.000Z', 'f'.repeat(64)), range)).toBe(true);
    expect(inRange(byLastTimeKey('2024-12-31T23:59:59.999Z', 'f'.repeat(64)), range)).toBe(false);
    expect(inRange(byLastTimeKey('2025-01-01T00:00:01.001Z', '0'.repeat(64)), range)).toBe(false);
  });
});
