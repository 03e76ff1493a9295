// Just enough of Redis for audit's specs: applies what the projections return (SET,
// ZADD) and answers the reads RedisAuditTrailStore makes, with Redis's ordering of a
// sorted set (score, then member) and its LIMIT semantics.
import type { ProjectionCommand } from '@carechain/read-model';
import type { AuditRedis } from '../redis-audit-trail.store';

export class MemoryAuditRedis implements AuditRedis {
  readonly strings = new Map<string, string>();
  readonly zsets = new Map<string, Map<string, number>>();
  /** How many range reads were made: a spec can check a query is an index lookup. */
  rangeReads = 0;

  apply(commands: readonly ProjectionCommand[]): void {
    for (const [command, key, ...args] of commands) {
      if (command === 'SET') this.strings.set(key, args[0]!);
      else if (command === 'ZADD') {
        const zset = this.zsets.get(key) ?? new Map<string, number>();
        for (let i = 0; i + 1 < args.length; i += 2) zset.set(args[i + 1]!, Number(args[i]));
        this.zsets.set(key, zset);
      } else throw new Error(`MemoryAuditRedis does not implement ${command}`);
    }
  }

  async get(key: string): Promise<string | null> {
    return this.strings.get(key) ?? null;
  }

  async mget(...keys: string[]): Promise<(string | null)[]> {
    return keys.map((k) => this.strings.get(k) ?? null);
  }

  async zrangebyscore(
    key: string,
    min: number | string,
    max: number | string,
    _w: 'WITHSCORES',
    _l: 'LIMIT',
    offset: number,
    count: number,
  ): Promise<string[]> {
    this.rangeReads++;
    const lo = score(min);
    const hi = score(max);
    const sorted = [...(this.zsets.get(key) ?? new Map<string, number>())]
      .filter(([, s]) => s >= lo && s <= hi)
      .sort(([a, sa], [b, sb]) => sa - sb || (a < b ? -1 : a > b ? 1 : 0));
    return sorted.slice(offset, offset + count).flatMap(([m, s]) => [m, String(s)]);
  }
}

function score(v: number | string): number {
  if (v === '+inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return Number(v);
}
