import { MAX_UTC_TIMESTAMP, formatUtcTimestamp, parseUtcTimestamp } from './utc-timestamp';

describe('UTC timestamps', () => {
  it('parses exactly the toISOString form', () => {
    expect(parseUtcTimestamp('2024-02-29T23:59:59.999Z', 't')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
  });

  it.each([
    '2023-02-29T00:00:00.000Z',
    '2025-13-01T00:00:00.000Z',
    '2025-01-01T24:00:00.000Z',
    '2025-01-01 00:00:00.000Z',
    '2025-01-01T00:00:00.0000Z',
    '+002025-01-01T00:00:00.000Z',
    '',
  ])('refuses %p', (value) => {
    expect(() => parseUtcTimestamp(value, 'when')).toThrow('INVALID_ARGUMENT: when must be an ISO-8601 UTC time');
  });

  it('formats back, clamped to the last spellable instant', () => {
    expect(formatUtcTimestamp(Date.UTC(2025, 0, 2))).toBe('2025-01-02T00:00:00.000Z');
    expect(formatUtcTimestamp(Date.parse(MAX_UTC_TIMESTAMP) + 1)).toBe(MAX_UTC_TIMESTAMP);
  });
});
