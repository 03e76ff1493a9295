import type { Redis } from 'ioredis';
import { auditEntryKey, patientTimelineKey, type AuditEntry } from './audit-trail.projection';
import { receiptKey, type StoredReceipt } from './receipt.projection';

export interface AnchoredAuditEntry extends AuditEntry {
  /** Where the event was anchored, once its receipt has arrived. */
  readonly anchored: { readonly batchId: string; readonly txId: string; readonly blockNumber: string } | null;
}

export class AuditTrailReader {
  constructor(private readonly redis: Redis) {}

  /** A patient's audit entries, oldest first, each with where it was anchored. */
  async forPatient(patientId: string, limit: number): Promise<AnchoredAuditEntry[]> {
    const ids = await this.redis.zrange(patientTimelineKey(patientId), 0, limit - 1);
    if (ids.length === 0) return [];
    const [docs, receipts] = await Promise.all([this.redis.mget(ids.map(auditEntryKey)), this.redis.mget(ids.map(receiptKey))]);
    return docs.flatMap((d, i) => {
      if (d === null) return [];
      const r = receipts[i] ? (JSON.parse(receipts[i]!) as StoredReceipt).receipt : undefined;
      return [{ ...(JSON.parse(d) as AuditEntry), anchored: r ? { batchId: r.batchId, txId: r.txId, blockNumber: r.blockNumber } : null }];
    });
  }

  async receipt(eventId: string): Promise<StoredReceipt | undefined> {
    const doc = await this.redis.get(receiptKey(eventId));
    return doc === null ? undefined : (JSON.parse(doc) as StoredReceipt);
  }

  async get(eventId: string): Promise<AuditEntry | undefined> {
    const doc = await this.redis.get(auditEntryKey(eventId));
    return doc === null ? undefined : (JSON.parse(doc) as AuditEntry);
  }
}
