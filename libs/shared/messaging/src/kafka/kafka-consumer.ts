// The consumer behind MessageConsumer: batches per partition, decodes and
// validates each record (malformed → DLQ at once; a type the handler does not handle
// is passed over by its type header, unparsed), hands the rest to the handler
// with bounded retries (then DLQ, record by record), and commits offsets only
// after the handler has stored its effect. Where a handler keeps its own offsets
// (a read model), the first batch of each assignment is checked against them and
// the partition re-positioned, so a projection resumes exactly where its store is.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { ContractError, type AnyEvent } from '@carechain/contracts';
import { secondsSince, type Logger } from '@carechain/telemetry';
import type { BatchHandler, ConsumedRecord, ConsumerState, EventPublisher, MessageConsumer, RecordBatch } from '../ports';
import { deadLetter } from '../dead-letter';
import { dlqTopic } from '@carechain/contracts';
import { decideFailure, DEFAULT_RETRY_POLICY, errorMessage, type RetryPolicy } from '../failure-policy';
import { extractContext, startConsumerSpan } from '../trace-context';
import { lowWatermarks } from './kafka-admin';
import { ConsumerMetrics } from './consumer-metrics';
import { decodeRecord, type HandledTypes } from './record-types';

export interface KafkaConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly logger: Logger;
  /** Where dead letters are produced. */
  readonly publisher: EventPublisher;
  readonly retry?: RetryPolicy;
  /** Partitions processed at once; per-partition order is always kept. */
  readonly concurrency?: number;
  /** Upper bound of one fetch per partition, i.e. of a batch (kafkajs default 1 MiB). */
  readonly maxBatchBytes?: number;
  /**
   * The broker answers a fetch once it has this many bytes or `maxWaitMs` has passed:
   * batching by size or time, done where the data is (default: answer at once).
   */
  readonly minBatchBytes?: number;
  readonly maxWaitMs?: number;
  /** Compacted topics whose null-valued records (tombstones) are passed over; elsewhere a null value is dead-lettered. */
  readonly tombstoneTopics?: readonly string[];
  /** Per topic, the event types the handler handles: records of other types are passed over unparsed (see record-types.ts). */
  readonly handledTypes?: HandledTypes;
}

/** A record's headers as strings (what trace-context extraction and dead letters read). */
export function headersOf(message: KafkaMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.map(String).join(',') : String(v);
  }
  return out;
}

export class KafkaEventConsumer implements MessageConsumer {
  private consumer: Consumer | undefined;
  private running = false;
  private stopping = false;
  private lastError: string | undefined;
  private readonly metrics: ConsumerMetrics;
  /**
   * Per assigned partition since the last (re)join: where the handler's store says to
   * resume. Set synchronously when the group is joined, before the first fetch, so no
   * batch can be applied ahead of the re-positioning (which would skip what lies between).
   */
  private positions = new Map<string, Promise<bigint>>();
  /** `topic:partition` of every partition assigned to this member since the last (re)join. */
  private assigned = new Set<string>();
  /** Partitions already re-positioned once in this assignment (compacted gaps must not loop). */
  private readonly sought = new Set<string>();
  private readonly retry: RetryPolicy;
  private readonly log: Logger;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkaConsumerOptions,
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.log = options.logger.child({ component: 'consumer', group: options.groupId });
    this.metrics = new ConsumerMetrics(options.groupId);
  }

  state(): ConsumerState {
    return { running: this.running, ...(this.lastError !== undefined && { lastError: this.lastError }) };
  }

  owns(topic: string, partition: number): boolean {
    return this.running && this.assigned.has(`${topic}:${partition}`);
  }

  async start(handler: BatchHandler): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      // By default fetches return as soon as one record is there; the wait only bounds idle polling.
      maxWaitTimeInMs: this.options.maxWaitMs ?? 100,
      ...(this.options.minBatchBytes !== undefined && { minBytes: this.options.minBatchBytes }),
      ...(this.options.maxBatchBytes !== undefined && { maxBytesPerPartition: this.options.maxBatchBytes }),
    });
    this.consumer = consumer;
    this.stopping = false;
    this.metrics.start();
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.onAssignment(handler, consumer, payload.memberAssignment));
    consumer.on(consumer.events.CRASH, (e) => {
      this.running = false;
      this.lastError = errorMessage(e.payload.error);
      this.log.error({ err: this.lastError, restart: e.payload.restart }, 'consumer crashed');
    });
    consumer.on(consumer.events.FETCH_START, () => {
      if (!this.stopping) this.running = true;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency ?? 3,
      eachBatch: (payload) => this.onBatch(handler, payload),
    });
    this.running = true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.running = false;
    this.assigned = new Set();
    // disconnect() waits for the batch in hand; its offsets were committed by onBatch.
    await this.consumer?.disconnect();
    this.consumer = undefined;
    this.metrics.stop();
  }

  /**
   * A new assignment: every partition is sought to where the handler's store resumes
   * (its stored offset + 1, or the partition's low watermark when it has none, as after
   * a rebuild). Kafka's committed offset is only a hint: the store is the truth.
   */
  private onAssignment(handler: BatchHandler, consumer: Consumer, assignment: Record<string, number[]>): void {
    this.positions = new Map();
    this.sought.clear();
    this.assigned = new Set(Object.entries(assignment).flatMap(([topic, partitions]) => partitions.map((p) => `${topic}:${p}`)));
    const resumeOffset = handler.resumeOffset?.bind(handler);
    if (!resumeOffset) return;
    const committed = this.committedOffsets(Object.keys(assignment));
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        const position = (async () => {
          const stored = await resumeOffset(topic, partition);
          const from = stored ?? (await lowWatermarks(this.kafka, topic)).get(partition) ?? '0';
          const kafkaWouldStartAt = (await committed).get(`${topic}:${partition}`);
          // Stopped (or restarted, as by a rebuild) while this was looked up: the seek
          // belongs to a consumer that is gone, and the next join positions afresh.
          if (!this.current(consumer)) return BigInt(from);
          // Seek only where Kafka would start elsewhere: a needless seek refetches a batch
          // already in hand, and its dead letters would be produced twice.
          if (kafkaWouldStartAt !== from) consumer.seek({ topic, partition, offset: from });
          return BigInt(from);
        })();
        position.catch((err: unknown) => {
          if (this.current(consumer)) this.log.error({ topic, partition, err: errorMessage(err) }, 'could not position partition');
        });
        this.positions.set(`${topic}:${partition}`, position);
      }
    }
  }

  /** False once `consumer` was stopped or replaced: its pending work is moot. */
  private current(consumer: Consumer): boolean {
    return !this.stopping && this.consumer === consumer;
  }

  /** Where Kafka would start each partition: the group's committed offset, or the low watermark when it has none. */
  private async committedOffsets(topics: string[]): Promise<Map<string, string>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const out = new Map<string, string>();
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId: this.options.groupId, topics })) {
        const low = await lowWatermarks(this.kafka, topic);
        for (const p of partitions) out.set(`${topic}:${p.partition}`, p.offset === '-1' ? (low.get(p.partition) ?? '0') : p.offset);
      }
      return out;
    } finally {
      await admin.disconnect();
    }
  }

  private async onBatch(handler: BatchHandler, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const consumer = this.consumer;
    if (!consumer || batch.isEmpty()) return;
    const { topic, partition } = batch;
    const key = `${topic}:${partition}`;
    const position = this.positions.get(key);
    let resumeFrom: bigint | undefined;
    if (position) {
      resumeFrom = await position;
      if (BigInt(batch.firstOffset() ?? '0') > resumeFrom && !this.sought.has(key)) {
        // Fetched from Kafka's committed offset before the seek took effect: drop and refetch.
        this.sought.add(key);
        consumer.seek({ topic, partition, offset: resumeFrom.toString() });
        return;
      }
      this.positions.delete(key);
    }

    const records: ConsumedRecord[] = [];
    const handled = this.options.handledTypes?.get(topic);
    for (const message of batch.messages) {
      if (resumeFrom !== undefined && BigInt(message.offset) < resumeFrom) continue; // already in the store
      // On a compacted topic a null value is a tombstone, not a malformed record.
      if (message.value === null && this.options.tombstoneTopics?.includes(topic)) continue;
      const key = message.key?.toString('utf8') ?? null;
      let event: AnyEvent | undefined;
      try {
        event = decodeRecord(message, handled);
      } catch (err) {
        if (!(err instanceof ContractError)) throw err;
        await this.toDlq({ topic, partition, offset: message.offset, key, value: message.value, headers: headersOf(message) }, decideReason(err));
        continue;
      }
      // A type no handler here handles: passed over unparsed, its offset covered by the batch's.
      if (event === undefined) continue;
      records.push({
        topic,
        partition,
        offset: message.offset,
        key,
        value: message.value ?? Buffer.alloc(0),
        event,
        traceContext: extractContext(headersOf(message)),
      });
    }
    const lastOffset = batch.lastOffset();
    const started = performance.now();
    await this.process(handler, { topic, partition, records, lastOffset }, payload);
    this.metrics.batch(topic, partition, records.length, secondsSince(started), batch.highWatermark, lastOffset);
    if (!payload.isRunning() || payload.isStale()) return;
    payload.resolveOffset(lastOffset);
    try {
      await consumer.commitOffsets([{ topic, partition, offset: (BigInt(lastOffset) + 1n).toString() }]);
    } catch (err) {
      // The handler's store holds the truth; a failed commit only means a replay that it dedupes.
      this.log.warn({ topic, partition, err: errorMessage(err) }, 'offset commit failed');
    }
    await payload.heartbeat();
  }

  /** Runs the handler with the retry policy; a batch that keeps failing is retried record by record. */
  private async process(handler: BatchHandler, batch: RecordBatch, payload: EachBatchPayload): Promise<void> {
    let attempt = 1;
    for (;;) {
      const spans = batch.records.map((r) =>
        startConsumerSpan(
          r.traceContext,
          { topic: r.topic, partition: r.partition, offset: r.offset, eventType: r.event.type, eventId: r.event.id },
          this.options.groupId,
        ),
      );
      try {
        const active = spans[0] ? trace.setSpan(batch.records[0]!.traceContext, spans[0]) : context.active();
        await context.with(active, () => handler.handle(batch));
        spans.forEach((s) => s.end());
        this.lastError = undefined;
        return;
      } catch (err) {
        spans.forEach((s) => {
          s.recordException(err as Error);
          s.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(err) });
          s.end();
        });
        const decision = decideFailure(err, attempt, this.retry);
        this.lastError = errorMessage(err);
        if (decision.action === 'retry') {
          this.log.warn({ topic: batch.topic, partition: batch.partition, attempt, err: this.lastError }, 'handler failed, retrying');
          await sleep(decision.delayMs);
          if (this.stopping || !payload.isRunning()) throw new Error('consumer stopping: batch left uncommitted for redelivery');
          await payload.heartbeat();
          if (decision.countsAsAttempt) attempt += 1;
          continue;
        }
        if (batch.records.length > 1) {
          for (const record of batch.records) {
            await this.process(handler, { ...batch, records: [record], lastOffset: record.offset }, payload);
          }
          await this.process(handler, { ...batch, records: [] }, payload);
          return;
        }
        const [record] = batch.records;
        if (record) await this.toDlq({ ...record, headers: {} }, decision.reason);
        if (record) return this.process(handler, { ...batch, records: [] }, payload);
        throw err; // an empty batch failing is the store itself failing: not a message's fault
      }
    }
  }

  private async toDlq(source: Parameters<typeof deadLetter>[0], reason: string): Promise<void> {
    this.log.warn({ topic: source.topic, partition: source.partition, offset: source.offset, reason }, 'dead-lettering record');
    await this.options.publisher.publishRaw(dlqTopic(source.topic), deadLetter(source, reason, this.options.groupId));
    this.metrics.deadLettered(source.topic, reason);
  }
}

function decideReason(err: ContractError): string {
  const detail = err.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return `contract(${err.code}): ${err.message}${detail ? ` [${detail}]` : ''}`;
}
