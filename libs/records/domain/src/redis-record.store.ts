// RecordStore over the Redis keys recordsProjection writes.
import type { RecordCategory } from '@carechain/contracts';
import { RecordKeys } from './records.projection';
import type { RecordPage, RecordStore } from './record-store.port';
import { decodeStoredVersion, type StoredVersion } from './stored-version';

/** The Redis reads the store makes: ioredis's `Redis` has them, and specs fake them. */
export interface RecordsRedis {
  get(key: string): Promise<string | null>;
  hget(key: string, field: string): Promise<string | null>;
  hmget(key: string, ...fields: string[]): Promise<(string | null)[]>;
  zrevrange(key: string, start: number, stop: number, withScores: 'WITHSCORES'): Promise<string[]>;
}

interface Ranked {
  readonly recordId: string;
  readonly score: number;
}

export class RedisRecordStore implements RecordStore {
  constructor(private readonly redis: RecordsRedis) {}

  async patientOf(recordId: string): Promise<string | undefined> {
    return (await this.redis.get(RecordKeys.record(recordId))) ?? undefined;
  }

  async latest(patientId: string, recordId: string): Promise<StoredVersion | undefined> {
    const latest = await this.redis.hget(RecordKeys.versions(patientId), RecordKeys.latestField(recordId));
    return latest === null ? undefined : this.version(patientId, recordId, Number(latest));
  }

  async version(patientId: string, recordId: string, version: number): Promise<StoredVersion | undefined> {
    const json = await this.redis.hget(RecordKeys.versions(patientId), RecordKeys.versionField(recordId, version));
    return json === null ? undefined : decodeStoredVersion(json);
  }

  async history(patientId: string, recordId: string): Promise<StoredVersion[]> {
    const latest = await this.redis.hget(RecordKeys.versions(patientId), RecordKeys.latestField(recordId));
    if (latest === null) return [];
    const fields = Array.from({ length: Number(latest) }, (_, i) => RecordKeys.versionField(recordId, i + 1));
    const values = await this.redis.hmget(RecordKeys.versions(patientId), ...fields);
    return values.flatMap((json) => (json === null ? [] : [decodeStoredVersion(json)]));
  }

  async search(patientId: string, categories: readonly RecordCategory[], offset: number, count: number): Promise<RecordPage> {
    // Ids and scores only (small), merged across categories; the sealed versions are
    // fetched for the page alone.
    const perCategory = await Promise.all(categories.map((c) => this.redis.zrevrange(RecordKeys.category(patientId, c), 0, -1, 'WITHSCORES')));
    const ranked: Ranked[] = perCategory.flatMap((flat) => {
      const out: Ranked[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) out.push({ recordId: flat[i], score: Number(flat[i + 1]) });
      return out;
    });
    ranked.sort((a, b) => b.score - a.score || (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
    const page = ranked.slice(offset, offset + count).map((r) => r.recordId);
    if (page.length === 0) return { total: ranked.length, versions: [] };
    const key = RecordKeys.versions(patientId);
    const latest = await this.redis.hmget(key, ...page.map((id) => RecordKeys.latestField(id)));
    const wanted = page.flatMap((id, i) => (latest[i] === null ? [] : [RecordKeys.versionField(id, Number(latest[i]))]));
    const values = wanted.length === 0 ? [] : await this.redis.hmget(key, ...wanted);
    return { total: ranked.length, versions: values.flatMap((json) => (json === null ? [] : [decodeStoredVersion(json)])) };
  }
}
