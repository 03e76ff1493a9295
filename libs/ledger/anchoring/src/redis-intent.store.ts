// IntentStore in one Redis hash (ledger-writer's own key), a field per topic partition.
import type { BatchIntent, IntentStore } from './intent-store';

/** The Redis calls the store makes: ioredis's `Redis` has them. */
export interface IntentsRedis {
  hget(key: string, field: string): Promise<string | null>;
  hset(key: string, field: string, value: string): Promise<number>;
  hdel(key: string, field: string): Promise<number>;
}

export class RedisIntentStore implements IntentStore {
  constructor(
    private readonly redis: IntentsRedis,
    private readonly key = 'ledger-writer:intents',
  ) {}

  async get(topic: string, partition: number): Promise<BatchIntent | undefined> {
    const raw = await this.redis.hget(this.key, `${topic}:${partition}`);
    return raw === null ? undefined : (JSON.parse(raw) as BatchIntent);
  }

  async put(topic: string, partition: number, intent: BatchIntent): Promise<void> {
    await this.redis.hset(this.key, `${topic}:${partition}`, JSON.stringify(intent));
  }

  async clear(topic: string, partition: number): Promise<void> {
    await this.redis.hdel(this.key, `${topic}:${partition}`);
  }
}
