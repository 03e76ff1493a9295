// The messaging ports. Domain code and projections depend on these; the kafkajs
// adapter in ./kafka is the one real implementation, and unit tests fake them.
import type { Context } from '@opentelemetry/api';
import type { AnyEvent, CloudEvent } from '@carechain/contracts';

export interface RawMessage {
  readonly key: string | null;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

export interface EventPublisher {
  /** Validates the event against its contract and resolves once every in-sync replica has it (acks=all). */
  publish(topic: string, event: CloudEvent, options?: { key?: string }): Promise<void>;
  /**
   * Many events in one go (e.g. a batch's receipts): each is validated, all share one
   * producer span, and they enter the send queue together.
   */
  publishAll(topic: string, events: readonly CloudEvent[], keyOf: (event: CloudEvent) => string): Promise<void>;
  /** For dead letters and other non-CloudEvents payloads. */
  publishRaw(topic: string, message: RawMessage): Promise<void>;
}

export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  /** Kafka offsets are int64: kept as decimal strings end to end. */
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer;
  readonly event: AnyEvent;
  /** The producer's trace context, so processing continues the same trace. */
  readonly traceContext: Context;
}

export interface RecordBatch {
  readonly topic: string;
  readonly partition: number;
  /** Valid records, in offset order (dead-lettered ones are left out). */
  readonly records: readonly ConsumedRecord[];
  /** The last offset this batch covers, dead letters included: what "processed up to" means. */
  readonly lastOffset: string;
}

export interface BatchHandler {
  /**
   * The offset to resume a partition from (e.g. stored next to the read model), or
   * undefined for "from the beginning". Handlers without a store of their own leave it
   * out, and the group's committed offsets decide.
   */
  resumeOffset?(topic: string, partition: number): Promise<string | undefined>;
  handle(batch: RecordBatch): Promise<void>;
}

export interface ConsumerState {
  readonly running: boolean;
  readonly lastError?: string;
}

export interface MessageConsumer {
  start(handler: BatchHandler): Promise<void>;
  /** Finishes the batch in hand, commits what was processed, leaves the group. */
  stop(): Promise<void>;
  state(): ConsumerState;
}
