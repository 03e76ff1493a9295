// The FHIR search parameters of GET /AuditEvent: patient (an id or Patient/id), agent,
// date with the prefixes ge, gt, le, lt (repeatable: date=ge…&date=le…), entity-type,
// _count and _cursor (from the `next` link), and the searchset Bundle of a page.
import { z } from 'zod';
import { type AuditEventPage, type AuditEventResource, type AuditEventSearch } from '@carechain/audit-domain';
import type { FastifyRequest } from 'fastify';
import { cursorSchema, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './audit.http';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const DAY_MS = 24 * 3600 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** What a `date` parameter looks like: a prefix, then a date or a date-time (bounds() reads it). */
const DATE_PARAM = /^(ge|gt|le|lt|eq)?\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}(:?\d{2})?))?$/;
const PATIENT_PARAM = /^(Patient\/)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** One `date` parameter as a bound: `ge`/`gt` a lower one, `le`/`lt` an upper one; a bare date is that whole day. */
function bounds(param: string): { from?: number; to?: number } | undefined {
  const m = /^(ge|gt|le|lt|eq)?(.+)$/.exec(param);
  if (!m) return undefined;
  const [prefix = 'eq', value] = [m[1], m[2]!];
  const dayOnly = DATE_ONLY.test(value);
  const start = Date.parse(dayOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(start) || (!dayOnly && !z.iso.datetime({ offset: true }).safeParse(value).success)) return undefined;
  const end = dayOnly ? start + DAY_MS - 1 : start;
  switch (prefix) {
    case 'ge':
      return { from: start };
    case 'gt':
      return { from: end + 1 };
    case 'le':
      return { to: end };
    case 'lt':
      return { to: start - 1 };
    default:
      return { from: start, to: end };
  }
}

const dateParam = z.string().regex(DATE_PARAM, 'ge, gt, le, lt or eq followed by a date or an ISO 8601 date-time');
const dates = z
  .union([dateParam, z.array(dateParam)])
  .optional()
  .transform((v, ctx) => {
    let from: number | undefined;
    let to: number | undefined;
    for (const param of v === undefined ? [] : Array.isArray(v) ? v : [v]) {
      const b = bounds(param);
      if (!b) {
        ctx.addIssue({
          code: 'custom',
          message: `date ${JSON.stringify(param.slice(0, 40))}: ge, gt, le, lt or eq followed by a date or an ISO 8601 date-time`,
        });
        return z.NEVER;
      }
      if (b.from !== undefined) from = Math.max(from ?? -Infinity, b.from);
      if (b.to !== undefined) to = Math.min(to ?? Infinity, b.to);
    }
    return { from, to };
  });

export const auditEventQuerySchema = z
  .object({
    patient: z
      .string()
      .regex(PATIENT_PARAM, 'a patient id or Patient/<id>')
      .transform((p) => p.replace(/^Patient\//, ''))
      .pipe(z.uuid())
      .optional(),
    agent: z.string().min(1).max(128).optional(),
    date: dates,
    'entity-type': z.string().min(1).max(200).optional(),
    _count: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    _cursor: cursorSchema.optional(),
  })
  .refine((q) => q.patient !== undefined || q.agent !== undefined, { message: 'name a patient, an agent, or both', path: ['patient'] });

export type AuditEventQuery = z.infer<typeof auditEventQuerySchema>;

export function toSearch(q: AuditEventQuery): AuditEventSearch {
  return {
    limit: q._count,
    ...(q.patient !== undefined && { patient: q.patient }),
    ...(q.agent !== undefined && { agent: q.agent }),
    ...(q.date?.from !== undefined && { from: q.date.from }),
    ...(q.date?.to !== undefined && { to: q.date.to }),
    ...(q['entity-type'] !== undefined && { entityType: q['entity-type'] }),
    ...(q._cursor !== undefined && { cursor: q._cursor }),
  };
}

export interface AuditEventBundle {
  readonly resourceType: 'Bundle';
  readonly type: 'searchset';
  readonly link: readonly { relation: 'self' | 'next'; url: string }[];
  readonly entry?: readonly { fullUrl: string; resource: AuditEventResource; search: { mode: 'match' } }[];
}

/** The searchset of one page: self is this request, next this request from the page's cursor on. */
export function auditEventBundle(page: AuditEventPage, request: FastifyRequest): AuditEventBundle {
  const self = new URL(request.url, `${request.protocol}://${request.host}`);
  const link: { relation: 'self' | 'next'; url: string }[] = [{ relation: 'self', url: self.toString() }];
  if (page.next !== null) {
    const next = new URL(self);
    next.searchParams.set('_cursor', page.next);
    link.push({ relation: 'next', url: next.toString() });
  }
  const entry = page.events.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource, search: { mode: 'match' as const } }));
  return { resourceType: 'Bundle', type: 'searchset', link, ...(entry.length > 0 && { entry }) };
}
