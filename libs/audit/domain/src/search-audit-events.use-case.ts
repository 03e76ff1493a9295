// The FHIR AuditEvent search: `patient` reads that patient's trail with the trail's
// scoping, `agent` alone is an investigation of one user (the privacy officer's own
// organisation's); each entry becomes its BALP AuditEvent. `agent` with `patient` and
// `entity-type` narrow the page they are given (so a page may hold fewer than
// `_count`; `next` still continues after it).
import type { Caller } from '@carechain/auth';
import type { TrailPage, TrailQuery } from './audit-trail.store.port';
import { toAuditEvent, type AuditEventResource } from './balp-audit-event';
import type { ReadAuditTrailUseCase } from './read-audit-trail.use-case';

export interface AuditEventSearch extends TrailQuery {
  readonly patient?: string;
  readonly agent?: string;
  /** An entity type token: `code` or `system|code` (audit-entity-type: 1 person, 2 system object). */
  readonly entityType?: string;
}

export interface AuditEventPage {
  readonly events: readonly AuditEventResource[];
  readonly next: string | null;
}

export class SearchAuditEventsUseCase {
  constructor(private readonly trail: ReadAuditTrailUseCase) {}

  async search(search: AuditEventSearch, caller: Caller): Promise<AuditEventPage> {
    const page = await this.page(search, caller);
    const entries = search.patient !== undefined && search.agent !== undefined ? page.entries.filter((e) => e.actor === search.agent) : page.entries;
    const events = entries.flatMap((e) => {
      const event = toAuditEvent(e);
      return event && matchesEntityType(event, search.entityType) ? [event] : [];
    });
    return { events, next: page.next };
  }

  private page(search: AuditEventSearch, caller: Caller): Promise<TrailPage> {
    const query: TrailQuery = {
      limit: search.limit,
      ...(search.from !== undefined && { from: search.from }),
      ...(search.to !== undefined && { to: search.to }),
      ...(search.cursor !== undefined && { cursor: search.cursor }),
    };
    if (search.patient !== undefined) return this.trail.forPatient(search.patient, caller, query);
    if (search.agent !== undefined) return this.trail.forActor(search.agent, caller, query);
    throw new TypeError('an AuditEvent search names a patient or an agent');
  }
}

function matchesEntityType(event: AuditEventResource, token: string | undefined): boolean {
  if (token === undefined) return true;
  const bar = token.indexOf('|');
  const [system, code] = bar < 0 ? [undefined, token] : [token.slice(0, bar), token.slice(bar + 1)];
  return event.entity.some((e) => e.type.code === code && (system === undefined || system === '' || e.type.system === system));
}
