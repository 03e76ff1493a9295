// The read side of audit's read model, as the use cases need it: one page of one
// index, in time order. One real adapter (RedisAuditTrailStore, sorted sets scored by
// event time); specs run it over an in-memory Redis.
import type { AuditEntry, RecordKind } from './audit-trail.projection';
import type { StoredReceipt } from './receipt.projection';

/** Which events: each is its own sorted set, so a query is an index lookup, never a scan. */
export type TrailIndex =
  | { readonly kind: 'patient'; readonly patientId: string }
  /** What one organisation did to one patient: another organisation's oversight sees this. */
  | { readonly kind: 'patient-organisation'; readonly patientId: string; readonly organisation: string }
  /** What one user of one organisation did, to any patient. */
  | { readonly kind: 'actor'; readonly organisation: string; readonly actor: string }
  /** A patient's disclosures: permitted reads on a grant or break-glass, shares. */
  | { readonly kind: 'disclosures'; readonly patientId: string };

export interface TrailQuery {
  /** Inclusive bounds, ms since the epoch. */
  readonly from?: number;
  readonly to?: number;
  /** From `next` of the previous page. */
  readonly cursor?: string;
  readonly limit: number;
}

export interface AnchoredAuditEntry extends AuditEntry {
  /** Where the event was anchored, once its receipt has arrived. */
  readonly anchored: { readonly batchId: string; readonly txId: string; readonly blockNumber: string; readonly inclusionVerified: boolean } | null;
}

export interface TrailPage {
  /** Oldest first. */
  readonly entries: readonly AnchoredAuditEntry[];
  /** The cursor of the next page, or null when this page is the last. */
  readonly next: string | null;
}

export interface AuditTrailStore {
  page(index: TrailIndex, query: TrailQuery): Promise<TrailPage>;
  get(eventId: string): Promise<AuditEntry | undefined>;
  receipt(eventId: string): Promise<StoredReceipt | undefined>;
  /** The kinds of the records audit has seen written, by record id; unknown ids are left out. */
  recordKinds(recordIds: readonly string[]): Promise<ReadonlyMap<string, RecordKind>>;
}
