// Where a page of the audit trail ends: the (time, event id) of its last entry.
// Redis orders a sorted set by score, then member, so that pair is a total order; the
// next page starts strictly after it. A cursor names an entry, not a position, so
// events written while someone pages move no page boundary: nothing is listed twice
// and nothing already listed is skipped.

export interface TrailPosition {
  /** Event time in ms since the epoch: the sorted sets' score. */
  readonly time: number;
  readonly eventId: string;
}

const EVENT_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** What every cursor looks like (base64url); only those encodeCursor made decode. */
export const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,400}$/;

export function encodeCursor({ time, eventId }: TrailPosition): string {
  return Buffer.from(`${time}|${eventId}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or undefined for anything this module did not write. */
export function decodeCursor(cursor: string): TrailPosition | undefined {
  if (!CURSOR_PATTERN.test(cursor)) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  if (bar <= 0) return undefined;
  const time = Number(text.slice(0, bar));
  const eventId = text.slice(bar + 1);
  if (!Number.isSafeInteger(time) || !EVENT_ID.test(eventId)) return undefined;
  return { time, eventId };
}

export function isCursor(cursor: string): boolean {
  return decodeCursor(cursor) !== undefined;
}
