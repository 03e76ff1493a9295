// Runs one projection: a consumer (the messaging port) feeding batches into Redis
// through the atomic apply script, resuming from the offsets stored beside the
// model, and able to drop and rebuild the model by replaying its topics.
import type { Redis } from 'ioredis';
import { TransientError, type BatchHandler, type MessageConsumer, type RecordBatch } from '@carechain/messaging';
import { ALLOWED_COMMANDS, keyPrefix, offsetsKey, type Projection, type ProjectionCommand } from './projection';
import { APPLY_BATCH_LUA } from './apply-batch.lua';

const allowed = new Set<string>(ALLOWED_COMMANDS);

/** The script registered with defineCommand (EVALSHA, re-sent by ioredis after a Redis restart). */
interface WithApplyBatch {
  carechainApplyBatch(offsetsKey: string, field: string, lastOffset: string, entries: string): Promise<number>;
}

export class ProjectionRunner implements BatchHandler {
  private readonly prefix: string;
  private readonly offsets: string;
  /** The rebuild in progress, which every request arriving meanwhile joins. */
  private rebuilding: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    readonly projection: Projection,
    private readonly consumer: MessageConsumer,
  ) {
    this.prefix = keyPrefix(projection.name);
    this.offsets = offsetsKey(projection.name);
    if (!('carechainApplyBatch' in redis)) {
      redis.defineCommand('carechainApplyBatch', { numberOfKeys: 1, lua: APPLY_BATCH_LUA });
    }
  }

  start(): Promise<void> {
    return this.consumer.start(this);
  }

  stop(): Promise<void> {
    return this.consumer.stop();
  }

  isRunning(): boolean {
    return this.consumer.state().running;
  }

  /**
   * Drops the model (and its offsets) and replays its topics from the beginning.
   * Serialised and idempotent: a request made while a rebuild is under way joins it
   * rather than stopping the consumer again half-way through its group join (which is
   * what made bursts of requests log "could not position partition").
   */
  rebuild(): Promise<void> {
    this.rebuilding ??= this.dropAndReplay().finally(() => (this.rebuilding = undefined));
    return this.rebuilding;
  }

  private async dropAndReplay(): Promise<void> {
    await this.stop();
    await dropKeys(this.redis, `${this.prefix}*`);
    await this.start();
  }

  async resumeOffset(topic: string, partition: number): Promise<string | undefined> {
    const stored = await this.redis.hget(this.offsets, `${topic}:${partition}`);
    return stored === null ? undefined : (BigInt(stored) + 1n).toString();
  }

  async handle(batch: RecordBatch): Promise<void> {
    const entries = batch.records.map((record) => [record.offset, this.checked(this.projection.apply(record))] as const);
    try {
      await (this.redis as unknown as WithApplyBatch).carechainApplyBatch(
        this.offsets,
        `${batch.topic}:${batch.partition}`,
        batch.lastOffset,
        JSON.stringify(entries),
      );
    } catch (err) {
      throw new TransientError(`read model ${this.projection.name}: Redis write failed`, err);
    }
  }

  private checked(commands: readonly ProjectionCommand[]): readonly ProjectionCommand[] {
    for (const [command, key] of commands) {
      if (!allowed.has(command)) throw new Error(`projection ${this.projection.name} used ${command}, which is not an allowed projection command`);
      if (!key.startsWith(this.prefix)) throw new Error(`projection ${this.projection.name} wrote outside its namespace ${this.prefix}`);
    }
    return commands;
  }
}

export async function dropKeys(redis: Redis, pattern: string): Promise<number> {
  let cursor = '0';
  let dropped = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) dropped += await redis.unlink(...keys);
  } while (cursor !== '0');
  return dropped;
}
