import type { Redis } from 'ioredis';
import { auditEntryKey, patientTimelineKey, type AuditEntry } from './audit-trail.projection';

export class AuditTrailReader {
  constructor(private readonly redis: Redis) {}

  /** A patient's audit entries, oldest first. */
  async forPatient(patientId: string, limit: number): Promise<AuditEntry[]> {
    const ids = await this.redis.zrange(patientTimelineKey(patientId), 0, limit - 1);
    if (ids.length === 0) return [];
    const docs = await this.redis.mget(ids.map(auditEntryKey));
    return docs.filter((d): d is string => d !== null).map((d) => JSON.parse(d) as AuditEntry);
  }

  async get(eventId: string): Promise<AuditEntry | undefined> {
    const doc = await this.redis.get(auditEntryKey(eventId));
    return doc === null ? undefined : (JSON.parse(doc) as AuditEntry);
  }
}
