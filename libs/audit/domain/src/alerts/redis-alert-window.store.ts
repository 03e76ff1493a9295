// AlertWindowStore over Redis sorted sets (member → event time), one MULTI per access
// so the add, the trim and the count see one state.
import { keyPrefix } from '@carechain/read-model';
import type { AlertWindowStore, WindowCount } from './alert-window.store.port';

export const AUDIT_ALERTS = 'audit.alerts';

/** The Redis calls the store makes: ioredis's `Redis` has them. */
export interface AlertMulti {
  zadd(key: string, score: number, member: string): AlertMulti;
  zremrangebyscore(key: string, min: string, max: string): AlertMulti;
  zcard(key: string): AlertMulti;
  pexpire(key: string, ms: number): AlertMulti;
  exec(): Promise<[error: Error | null, result: unknown][] | null>;
}

export interface AlertRedis {
  multi(): AlertMulti;
  zrange(key: string, start: number, stop: number, withScores: 'WITHSCORES'): Promise<string[]>;
}

export class RedisAlertWindowStore implements AlertWindowStore {
  constructor(private readonly redis: AlertRedis) {}

  async add(window: string, member: string, time: number, windowMs: number): Promise<WindowCount> {
    const key = `${keyPrefix(AUDIT_ALERTS)}${window}`;
    const results = await this.redis
      .multi()
      .zadd(key, time, member)
      .zremrangebyscore(key, '-inf', `(${time - windowMs}`)
      .zcard(key)
      // A window nobody adds to any more is dropped with its last member.
      .pexpire(key, windowMs)
      .exec();
    if (results === null) throw new Error('alert window transaction aborted');
    const failed = results.find(([err]) => err !== null);
    if (failed) throw failed[0]!;
    return { added: Number(results[0]![1]) === 1, count: Number(results[2]![1]) };
  }

  async members(window: string, limit: number): Promise<{ members: string[]; earliest: number | undefined }> {
    const flat = await this.redis.zrange(`${keyPrefix(AUDIT_ALERTS)}${window}`, 0, limit - 1, 'WITHSCORES');
    const members: string[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) members.push(flat[i]!);
    return { members, earliest: flat.length > 1 ? Number(flat[1]) : undefined };
  }
}
