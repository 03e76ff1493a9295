// What the records controllers read from a request besides the body: the query of a
// read or search, the break-glass header, If-Match, and the absolute URLs a FHIR
// Bundle links to.
import { z } from 'zod';
import { purposeOfUseSchema, recordCategorySchema } from '@carechain/contracts';
import { ValidationProblem } from '@carechain/http';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@carechain/records-domain';
import type { FastifyRequest } from 'fastify';

export const BREAK_GLASS_HEADER = 'x-break-glass-reason';
/** Ids of the AccessDecided events a read published, so a client can find them in the audit trail. */
export const ACCESS_EVENTS_HEADER = 'x-access-event-ids';

// A read states why it reads; readPurpose() fills in the caller's usual purpose when it does not say.
const purpose = purposeOfUseSchema.optional();

export const readQuerySchema = z.object({ purpose });

// `category=conditions,allergies` or `category=conditions&category=allergies`; none means all.
const categories = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    v === undefined
      ? []
      : (Array.isArray(v) ? v : [v])
          .flatMap((s) => s.split(','))
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
  )
  .pipe(z.array(recordCategorySchema));

export const searchQuerySchema = z.object({
  category: categories,
  purpose,
  _count: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  _offset: z.coerce.number().int().min(0).default(0),
});

/** The break-glass reason a request gives: a blank header is no request to break the glass. */
export function breakGlassOf(header: string | undefined): { breakGlassReason?: string } {
  return header !== undefined && header.trim() !== '' ? { breakGlassReason: header } : {};
}

export type ReadQuery = z.infer<typeof readQuerySchema>;
export type SearchQueryParams = z.infer<typeof searchQuerySchema>;

/** The version an If-Match names: W/"3", "3" or 3. Absent header: undefined. */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^(?:W\/)?"?([1-9][0-9]{0,8})"?$/.exec(header.trim());
  if (!match) throw new ValidationProblem([{ path: 'If-Match', message: 'must name one version, e.g. W/"2"' }]);
  return Number(match[1]);
}

export function etag(version: number): string {
  return `W/"${version}"`;
}

/** The absolute URL of this request with some query parameters replaced. */
export function requestUrl(request: FastifyRequest, replace: Record<string, string> = {}): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  for (const [name, value] of Object.entries(replace)) url.searchParams.set(name, value);
  return url.toString();
}
