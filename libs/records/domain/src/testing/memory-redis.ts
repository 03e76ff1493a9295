// Just enough of Redis for the specs: applies what a projection returns (the
// commands recordsProjection uses) and answers the reads RedisRecordStore makes.
import type { ProjectionCommand } from '@carechain/read-model';
import type { RecordsRedis } from '../redis-record.store';

type Value = { kind: 'string'; value: string } | { kind: 'hash'; value: Map<string, string> } | { kind: 'zset'; value: Map<string, number> };

export class MemoryRedis implements RecordsRedis {
  readonly data = new Map<string, Value>();

  apply(commands: readonly ProjectionCommand[]): void {
    for (const [command, key, ...args] of commands) {
      switch (command) {
        case 'SET':
          this.data.set(key, { kind: 'string', value: args[0] });
          break;
        case 'DEL':
          this.data.delete(key);
          break;
        case 'HSET': {
          const hash = this.hash(key, true)!;
          for (let i = 0; i + 1 < args.length; i += 2) hash.set(args[i], args[i + 1]);
          break;
        }
        case 'ZADD': {
          const zset = this.zset(key, true)!;
          for (let i = 0; i + 1 < args.length; i += 2) zset.set(args[i + 1], Number(args[i]));
          break;
        }
        default:
          throw new Error(`MemoryRedis does not implement ${command}`);
      }
    }
  }

  async get(key: string): Promise<string | null> {
    const v = this.data.get(key);
    return v?.kind === 'string' ? v.value : null;
  }

  async hget(key: string, field: string): Promise<string | null> {
    return this.hash(key, false)?.get(field) ?? null;
  }

  async hmget(key: string, ...fields: string[]): Promise<(string | null)[]> {
    const hash = this.hash(key, false);
    return fields.map((f) => hash?.get(f) ?? null);
  }

  async zrevrange(key: string, start: number, stop: number, _withScores: 'WITHSCORES'): Promise<string[]> {
    const entries = [...(this.zset(key, false) ?? new Map<string, number>()).entries()].sort(([ma, a], [mb, b]) => b - a || (mb < ma ? -1 : mb > ma ? 1 : 0));
    const end = stop < 0 ? entries.length + stop : stop;
    return entries.slice(start, end + 1).flatMap(([member, score]) => [member, String(score)]);
  }

  /** Every key and every stored string, for "what does Redis hold" assertions. */
  dump(): string {
    return JSON.stringify([...this.data.entries()].map(([key, v]) => [key, v.kind === 'string' ? v.value : [...v.value.entries()]]));
  }

  private hash(key: string, create: boolean): Map<string, string> | undefined {
    const v = this.data.get(key);
    if (v?.kind === 'hash') return v.value;
    if (!create) return undefined;
    const value = new Map<string, string>();
    this.data.set(key, { kind: 'hash', value });
    return value;
  }

  private zset(key: string, create: boolean): Map<string, number> | undefined {
    const v = this.data.get(key);
    if (v?.kind === 'zset') return v.value;
    if (!create) return undefined;
    const value = new Map<string, number>();
    this.data.set(key, { kind: 'zset', value });
    return value;
  }
}
