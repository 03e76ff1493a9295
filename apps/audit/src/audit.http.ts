// What audit's controllers read from a query: a time range (`from`, `to`, ISO 8601),
// the cursor of the previous page and a page size.
import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { isCursor, type TrailQuery } from '@carechain/audit-domain';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

const instant = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

export const trailQueryShape = {
  from: instant.optional(),
  to: instant.optional(),
  cursor: z.string().refine(isCursor, 'not a cursor this service issued').optional(),
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

/** The OpenAPI description of the paging parameters. */
export function PageQueries() {
  return applyDecorators(
    ApiQuery({ name: 'from', required: false, description: 'ISO 8601, inclusive' }),
    ApiQuery({ name: 'to', required: false, description: 'ISO 8601, inclusive' }),
    ApiQuery({ name: 'cursor', required: false, description: '`next` of the previous page' }),
    ApiQuery({ name: 'limit', required: false, description: `1-${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}` }),
  );
}
