// AuditTrailStore over the Redis keys auditTrailProjection and receiptProjection write.
// An event of a per-batch receipt gets its receipt, audit path included, derived from
// the batch's leaves; the few most recently asked batches keep their tree in memory
// (rebuilt when the stored leaves change).
import { BatchProofs } from '@carechain/ledger-verify';
import { auditEntryKey, recordKindKey, trailIndexKey, type AuditEntry, type RecordKind } from './audit-trail.projection';
import type { AnchoredAuditEntry, AuditTrailStore, TrailIndex, TrailPage, TrailQuery } from './audit-trail.store.port';
import {
  batchKey,
  batchLeavesKey,
  receiptKey,
  type StoredBatch,
  type StoredBatchLeaves,
  type StoredPlace,
  type StoredReceipt,
  type Verified,
} from './receipt.projection';
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

/** Batches whose tree is kept: a report or an export asks for the proofs of neighbouring events. */
const CACHED_BATCHES = 16;

export class RedisAuditTrailStore implements AuditTrailStore {
  private readonly batches = new Map<string, { doc: string; proofs: BatchProofs; verified: Verified }>();

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
    if (doc === null) return undefined;
    const stored = JSON.parse(doc) as StoredReceipt | StoredPlace;
    if ('receipt' in stored) return stored;
    const batch = await this.batch(stored.batchId);
    const receipt = batch?.proofs.receiptAt(stored.leafIndex);
    if (!batch || !receipt) return undefined;
    return { receipt: { ...receipt, source: { ...receipt.source }, proof: [...receipt.proof] }, verified: batch.verified };
  }

  /**
   * A batch receipt's leaves, always as Redis holds them now, with their tree: the tree
   * of the few most recently asked batches is kept and reused while the stored leaves
   * are the same bytes, so what audit serves (and the monitor re-checks) is never an
   * older copy than the read model's.
   */
  private async batch(batchId: string): Promise<{ proofs: BatchProofs; verified: Verified } | undefined> {
    const doc = await this.redis.get(batchLeavesKey(batchId));
    if (doc === null) return undefined;
    const cached = this.batches.get(batchId);
    this.batches.delete(batchId); // most recent last
    if (cached?.doc === doc) {
      this.batches.set(batchId, cached);
      return cached;
    }
    const { receipt, verified } = JSON.parse(doc) as StoredBatchLeaves;
    const batch = { doc, proofs: new BatchProofs(receipt), verified };
    this.batches.set(batchId, batch);
    if (this.batches.size > CACHED_BATCHES) this.batches.delete(this.batches.keys().next().value!);
    return batch;
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
    const stored = receipts.map((r) => (r === null ? undefined : (JSON.parse(r) as StoredReceipt | StoredPlace)));
    const batchIds = [...new Set(stored.flatMap((s) => (s && !('receipt' in s) ? [s.batchId] : [])))];
    const batches = new Map<string, StoredBatch>();
    if (batchIds.length > 0) {
      for (const doc of await this.redis.mget(...batchIds.map(batchKey))) {
        const batch = doc === null ? undefined : (JSON.parse(doc) as StoredBatch);
        if (batch) batches.set(batch.batchId, batch);
      }
    }
    return docs.flatMap((d, i) => {
      if (d === null) return [];
      const s = stored[i];
      const anchoring = s === undefined ? undefined : 'receipt' in s ? { ...s.receipt, verified: s.verified } : batches.get(s.batchId);
      return [
        {
          ...(JSON.parse(d) as AuditEntry),
          anchored: anchoring
            ? { batchId: anchoring.batchId, txId: anchoring.txId, blockNumber: anchoring.blockNumber, inclusionVerified: anchoring.verified.inclusion }
            : null,
        },
      ];
    });
  }
}

function bound(n: number): string {
  return n === Infinity ? '+inf' : n === -Infinity ? '-inf' : String(n);
}
