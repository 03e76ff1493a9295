// What audit's controllers read from a query: a time range (`from`, `to`, ISO 8601),
// the cursor of the previous page and a page size.
import { z } from 'zod';
import { CURSOR_PATTERN, isCursor, type TrailQuery } from '@carechain/audit-domain';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

const instant = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

/** A cursor from `next` of a page this service answered. */
export const cursorSchema = z.string().regex(CURSOR_PATTERN, 'not a cursor this service issued').refine(isCursor, 'not a cursor this service issued');

export const trailQueryShape = {
  /** ISO 8601 date-time with its offset, inclusive. */
  from: instant.optional(),
  to: instant.optional(),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

const inOrder = (q: { from?: number; to?: number }) => q.from === undefined || q.to === undefined || q.from <= q.to;
const RANGE_ORDER = { message: 'from must not be after to', path: ['from'] };

export const trailQuerySchema = z.object(trailQueryShape).refine(inOrder, RANGE_ORDER);

/** The report's query: the trail's, and a format. */
export const reportQuerySchema = z.object({ ...trailQueryShape, format: z.enum(['json', 'html']).optional() }).refine(inOrder, RANGE_ORDER);

export const patientTrailQuerySchema = z.object({ patient: z.uuid(), ...trailQueryShape }).refine(inOrder, RANGE_ORDER);

/** The store's query from a validated one (no undefined keys). */
export function toTrailQuery(q: { from?: number; to?: number; cursor?: string; limit: number }): TrailQuery {
  return {
    limit: q.limit,
    ...(q.from !== undefined && { from: q.from }),
    ...(q.to !== undefined && { to: q.to }),
    ...(q.cursor !== undefined && { cursor: q.cursor }),
  };
}
