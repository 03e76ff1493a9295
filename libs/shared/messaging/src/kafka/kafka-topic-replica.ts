// The Kafka side of TopicReplica: a consumer in a group of its own (one per process,
// nothing committed), so it is assigned every partition and reads each from the
// start, then follows. Catching up means reaching the high watermarks read at start.
// A partition whose tail was compacted away (a removed tombstone) never reaches
// that watermark; it counts as caught up once fetches keep coming back without
// records for it for IDLE_CATCH_UP_MS.
// Every applied batch advances an OffsetWatch, so a request can wait for a position
// (its own write, or a topic's end when it looks up an id not seen yet).
// Records of a type no replica applies are passed over by their type header, unparsed.
// Malformed records are skipped with a warning: dead-lettering them is the job of the
// topic's consumer-group readers, and every replica replays the same bytes.
import { randomUUID } from 'node:crypto';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { ContractError } from '@carechain/contracts';
import { secondsSince, type Logger } from '@carechain/telemetry';
import { OffsetWatch } from '../offset-watch';
import type { Position, ReplicaProgress, ReplicatedRecord, TopicReplica, TopicReplicaHandler } from '../ports';
import { extractContext } from '../trace-context';
import { headersOf } from './kafka-consumer';
import { ConsumerMetrics } from './consumer-metrics';
import { decodeRecord, type HandledTypes } from './record-types';

/** Fetches return as soon as data exists (minBytes 1), so this much silence means "at the end". */
const IDLE_CATCH_UP_MS = 3_000;

export interface KafkaTopicReplicaOptions {
  /** Prefix of the throwaway group id, e.g. `carechain.records.grants`. */
  readonly name: string;
  readonly topics: readonly string[];
  readonly logger: Logger;
  /** Per topic, the event types the replicas apply: records of other types are passed over unparsed (see record-types.ts). */
  readonly handledTypes?: HandledTypes;
}

export class KafkaTopicReplica implements TopicReplica, ReplicaProgress {
  private consumer: Consumer | undefined;
  private readonly watch = new OffsetWatch();
  /** Partitions still to catch up: `topic:partition` → the high watermark at start. */
  private readonly pending = new Map<string, bigint>();
  private caughtUp = false;
  private lastLagMs = 0;
  private readonly log: Logger;
  private resolveCaughtUp: (() => void) | undefined;
  /** When each pending partition last delivered records (or when we started). */
  private readonly lastDelivery = new Map<string, number>();
  private lastFetchAt = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly metrics: ConsumerMetrics;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkaTopicReplicaOptions,
  ) {
    this.log = options.logger.child({ component: 'replica', replica: options.name });
    this.metrics = new ConsumerMetrics(options.name);
  }

  isCaughtUp(): boolean {
    return this.caughtUp && this.consumer !== undefined;
  }

  lagMs(): number {
    return this.lastLagMs;
  }

  caughtUpTo(positions: readonly Position[], timeoutMs: number): Promise<boolean> {
    return this.watch.caughtUpTo(positions, timeoutMs);
  }

  /** One look at the topics' high watermarks (a round trip to Kafka), then a wait for the last record before each. */
  async caughtUpToEnd(topics: readonly string[], timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const ends: Position[] = [];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const topic of topics) {
        for (const o of await admin.fetchTopicOffsets(topic)) {
          if (BigInt(o.high) > BigInt(o.low)) ends.push({ topic, partition: o.partition, offset: (BigInt(o.high) - 1n).toString() });
        }
      }
    } finally {
      await admin.disconnect();
    }
    return this.watch.caughtUpTo(ends, Math.max(0, deadline - Date.now()));
  }

  async start(handler: TopicReplicaHandler): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const topic of this.options.topics) {
        for (const o of await admin.fetchTopicOffsets(topic)) {
          if (BigInt(o.high) > BigInt(o.low)) this.pending.set(`${topic}:${o.partition}`, BigInt(o.high));
        }
      }
    } finally {
      await admin.disconnect();
    }
    const caughtUp = new Promise<void>((resolve) => (this.resolveCaughtUp = resolve));
    const startedAt = Date.now();
    for (const key of this.pending.keys()) this.lastDelivery.set(key, startedAt);
    this.checkCaughtUp();
    const consumer = this.kafka.consumer({
      groupId: `${this.options.name}.${randomUUID()}`,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
      // Short-lived groups: nothing to hand over, so leave fast on shutdown.
      sessionTimeout: 10_000,
      heartbeatInterval: 3_000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.FETCH, () => (this.lastFetchAt = Date.now()));
    this.idleTimer = setInterval(() => this.releaseIdlePartitions(), 500);
    this.idleTimer.unref();
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    this.metrics.start();
    await consumer.run({ autoCommit: false, partitionsConsumedConcurrently: 1, eachBatch: (p) => this.onBatch(handler, p) });
    await caughtUp;
    this.log.info({ topics: this.options.topics }, 'replica caught up');
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    clearInterval(this.idleTimer);
    await consumer?.disconnect();
    this.metrics.stop();
  }

  private async onBatch(handler: TopicReplicaHandler, { batch }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const started = performance.now();
    const handled = this.options.handledTypes?.get(topic);
    for (const message of batch.messages) {
      let event: ReplicatedRecord['event'] = null;
      if (message.value !== null) {
        try {
          const decoded = decodeRecord(message, handled);
          if (decoded === undefined) continue; // a type no replica here applies
          event = decoded;
        } catch (err) {
          if (!(err instanceof ContractError)) throw err;
          this.log.warn({ topic, partition, offset: message.offset, err: err.message }, 'skipping malformed record');
          continue;
        }
      }
      await handler.apply({
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString('utf8') ?? null,
        event,
        traceContext: extractContext(headersOf(message)),
      });
      this.lastLagMs = Math.max(0, Date.now() - Number(message.timestamp));
    }
    this.metrics.batch(topic, partition, batch.messages.length, secondsSince(started), batch.highWatermark, batch.lastOffset());
    const key = `${topic}:${partition}`;
    if (this.pending.has(key)) this.lastDelivery.set(key, Date.now());
    const high = this.pending.get(key);
    const last = batch.lastOffset();
    if (batch.messages.length > 0) this.watch.advance(topic, partition, last);
    if (high !== undefined && BigInt(last) + 1n >= high) {
      this.pending.delete(key);
      this.checkCaughtUp();
    }
  }

  private releaseIdlePartitions(): void {
    const now = Date.now();
    for (const [key, at] of this.lastDelivery) {
      if (!this.pending.has(key)) continue;
      if (now - at >= IDLE_CATCH_UP_MS && this.lastFetchAt - at >= IDLE_CATCH_UP_MS) {
        this.log.info({ partition: key }, 'partition idle below its start watermark (compacted tail): caught up');
        this.pending.delete(key);
      }
    }
    this.checkCaughtUp();
    if (this.caughtUp) clearInterval(this.idleTimer);
  }

  private checkCaughtUp(): void {
    if (this.caughtUp || this.pending.size > 0) return;
    this.caughtUp = true;
    this.resolveCaughtUp?.();
  }

  /** For logs: how far along the catch-up is. */
  describe(): string {
    return this.caughtUp ? 'following' : `catching up (${this.pending.size} partitions behind)`;
  }
}
