// Exports in audit's Redis: one key per export, its whole state as JSON, with a TTL
// so a bundle of PHI does not outlive its purpose.
import type { ExportStore, PatientExport } from './patient-export';

/** The Redis calls the store makes: ioredis's `Redis` has them. */
export interface ExportRedis {
  set(key: string, value: string, expiry: 'EX', seconds: number): Promise<unknown>;
  get(key: string): Promise<string | null>;
}

const key = (exportId: string) => `audit:export:${exportId}`;

export class RedisExportStore implements ExportStore {
  constructor(private readonly redis: ExportRedis) {}

  async save(state: PatientExport, ttlSeconds: number): Promise<void> {
    await this.redis.set(key(state.exportId), JSON.stringify(state), 'EX', ttlSeconds);
  }

  async get(exportId: string): Promise<PatientExport | undefined> {
    const raw = await this.redis.get(key(exportId));
    return raw === null ? undefined : (JSON.parse(raw) as PatientExport);
  }
}
