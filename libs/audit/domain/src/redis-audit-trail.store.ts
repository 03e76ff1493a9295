// AuditTrailStore over the Redis keys auditTrailProjection and receiptProjection write.
import { auditEntryKey, recordKindKey, trailIndexKey, type AuditEntry, type RecordKind } from './audit-trail.projection';
import type { AnchoredAuditEntry, AuditTrailStore, TrailIndex, TrailPage, TrailQuery } from './audit-trail.store.port';
import { receiptKey, type StoredReceipt } from './receipt.projection';
import { decodeCursor, encodeCursor } from './trail-cursor';

/** The Redis reads the store makes: ioredis's `Redis` has them, and specs fake them. */
export interface AuditRedis {
  get(key: string): Promise<string | null>;
  mget(...keys: string[]): Promise<(string | null)[]>;
  zrangebyscore(
    key: string,
    min: number | string,
    max: number | string,
    withScores: 'WITHSCORES',
    limit: 'LIMIT',
    offset: number,
    count: number,
  ): Promise<string[]>;
}

interface Member {
  readonly eventId: string;
  readonly time: number;
}

export class RedisAuditTrailStore implements AuditTrailStore {
  constructor(private readonly redis: AuditRedis) {}

  async page(index: TrailIndex, query: TrailQuery): Promise<TrailPage> {
    const members = await this.members(trailIndexKey(index), query);
    const more = members.length > query.limit;
    const page = members.slice(0, query.limit);
    const last = page.at(-1);
    return { entries: await this.entries(page.map((m) => m.eventId)), next: more && last ? encodeCursor(last) : null };
  }

  async receipt(eventId: string): Promise<StoredReceipt | undefined> {
    const doc = await this.redis.get(receiptKey(eventId));
    return doc === null ? undefined : (JSON.parse(doc) as StoredReceipt);
  }

  async get(eventId: string): Promise<AuditEntry | undefined> {
    const doc = await this.redis.get(auditEntryKey(eventId));
    return doc === null ? undefined : (JSON.parse(doc) as AuditEntry);
  }

  async recordKinds(recordIds: readonly string[]): Promise<ReadonlyMap<string, RecordKind>> {
    if (recordIds.length === 0) return new Map();
    const docs = await this.redis.mget(...recordIds.map(recordKindKey));
    return new Map(docs.flatMap((d, i) => (d === null ? [] : [[recordIds[i]!, JSON.parse(d) as RecordKind] as const])));
  }

  /** Up to limit + 1 members in range after the cursor (the extra one says whether a next page exists). */
  private async members(key: string, { from, to, cursor, limit }: TrailQuery): Promise<Member[]> {
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    const min = Math.max(from ?? -Infinity, after?.time ?? -Infinity);
    const max = to ?? Infinity;
    if (min > max) return [];
    const out: Member[] = [];
    // Members at the cursor's own time that sort at or before it are skipped; they are
    // few (events of one millisecond), so reading on past them costs a round trip at most.
    for (let offset = 0; out.length <= limit;) {
      const want = limit + 1 - out.length + (after ? 16 : 0);
      const flat = await this.redis.zrangebyscore(key, bound(min), bound(max), 'WITHSCORES', 'LIMIT', offset, want);
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const member = { eventId: flat[i]!, time: Number(flat[i + 1]) };
        if (after && member.time === after.time && member.eventId <= after.eventId) continue;
        out.push(member);
      }
      if (flat.length < want * 2) break;
      offset += want;
    }
    return out.slice(0, limit + 1);
  }

  private async entries(ids: readonly string[]): Promise<AnchoredAuditEntry[]> {
    if (ids.length === 0) return [];
    const [docs, receipts] = await Promise.all([this.redis.mget(...ids.map(auditEntryKey)), this.redis.mget(...ids.map(receiptKey))]);
    return docs.flatMap((d, i) => {
      if (d === null) return [];
      const stored = receipts[i] ? (JSON.parse(receipts[i]!) as StoredReceipt) : undefined;
      const r = stored?.receipt;
      return [
        {
          ...(JSON.parse(d) as AuditEntry),
          anchored: r ? { batchId: r.batchId, txId: r.txId, blockNumber: r.blockNumber, inclusionVerified: stored.verified.inclusion } : null,
        },
      ];
    });
  }
}

function bound(n: number): string {
  return n === Infinity ? '+inf' : n === -Infinity ? '-inf' : String(n);
}
