// Runs one projection: a consumer (the messaging port) feeding batches into Redis
// through the atomic apply script, resuming from the offsets stored beside the
// model, and able to drop and rebuild the model by replaying its topics. It tells
// how far the model is applied, so a request can wait for its own write.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import {
  OffsetWatch,
  TransientError,
  type AppliedOffsets,
  type BatchHandler,
  type MessageConsumer,
  type Position,
  type RecordBatch,
} from '@carechain/messaging';
import { ALLOWED_COMMANDS, keyPrefix, offsetsKey, type ProjectionCommand, type RunnableProjection } from './projection';
import { APPLY_BATCH_LUA } from './apply-batch.lua';

const allowed = new Set<string>(ALLOWED_COMMANDS);

// How often a wait looks at the offsets stored in Redis for a partition another instance
// of the service applies: no notification crosses instances (the services' Redis users
// have no Pub/Sub channels), and a fetch there waits up to 100 ms anyway.
const OTHER_INSTANCE_CHECK_MS = 50;

/** The script registered with defineCommand (EVALSHA, re-sent by ioredis after a Redis restart). */
interface WithApplyBatch {
  carechainApplyBatch(offsetsKey: string, field: string, lastOffset: string, entries: string): Promise<number>;
}

export class ProjectionRunner implements BatchHandler, AppliedOffsets {
  private readonly prefix: string;
  /** What this instance applied (a rebuild starts it afresh). */
  private watch = new OffsetWatch();
  private readonly offsets: string;
  /** The rebuild in progress, which every request arriving meanwhile joins. */
  private rebuilding: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    readonly projection: RunnableProjection,
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
    this.watch = new OffsetWatch();
    await this.start();
  }

  async resumeOffset(topic: string, partition: number): Promise<string | undefined> {
    const stored = await this.redis.hget(this.offsets, `${topic}:${partition}`);
    return stored === null ? undefined : (BigInt(stored) + 1n).toString();
  }

  /**
   * Resolves once the model holds every position (true) or after `timeoutMs` (false).
   * What this instance applies settles the wait as it lands; the offsets stored beside
   * the model answer for what was applied before, or by another instance.
   */
  async caughtUpTo(positions: readonly Position[], timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    await this.learnStored(positions);
    const pending = this.watch.pending(positions);
    if (pending.length === 0) return true;
    const wait = this.watch.caughtUpTo(pending, timeoutMs);
    const elsewhere = pending.filter((p) => !this.consumer.owns?.(p.topic, p.partition));
    if (elsewhere.length === 0) return wait;
    let settled = false;
    void wait.then(() => (settled = true));
    while (!settled && Date.now() < deadline) {
      await sleep(Math.min(OTHER_INSTANCE_CHECK_MS, Math.max(0, deadline - Date.now())));
      await this.learnStored(elsewhere);
    }
    return wait;
  }

  /** Advances the watch to the offsets stored beside the model for `positions`' partitions. */
  private async learnStored(positions: readonly Position[]): Promise<void> {
    const fields = [...new Set(positions.map((p) => `${p.topic}:${p.partition}`))];
    if (fields.length === 0) return;
    const stored = await this.redis.hmget(this.offsets, ...fields);
    fields.forEach((field, i) => {
      const offset = stored[i];
      const cut = field.lastIndexOf(':');
      if (offset != null) this.watch.advance(field.slice(0, cut), Number(field.slice(cut + 1)), offset);
    });
  }

  async handle(batch: RecordBatch): Promise<void> {
    const entries: (readonly [string, readonly ProjectionCommand[]])[] = [];
    // A projection may answer through a promise (an @EventPattern handler does).
    for (const record of batch.records) entries.push([record.offset, this.checked(await this.projection.apply(record))]);
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
    this.watch.advance(batch.topic, batch.partition, batch.lastOffset);
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
