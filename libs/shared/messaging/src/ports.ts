// The messaging ports. Domain code and projections depend on these; the kafkajs
// adapter in ./kafka is the one real implementation, and unit tests fake them.
import type { Context } from '@opentelemetry/api';
import type { AnyEvent, CloudEvent } from '@carechain/contracts';

export interface RawMessage {
  readonly key: string | null;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** Where a record was written: what a reader waits for to see its own write. */
export interface Position {
  readonly topic: string;
  readonly partition: number;
  /** Kafka offsets are int64: kept as decimal strings end to end. */
  readonly offset: string;
}

export interface EventPublisher {
  /** Validates the event against its contract and resolves, with where it was written, once every in-sync replica has it (acks=all). */
  publish(topic: string, event: CloudEvent, options?: { key?: string }): Promise<Position>;
  /**
   * Many events in one go (e.g. a batch's receipts): each is validated, all share one
   * producer span, and they enter the send queue together. Positions in the events' order.
   */
  publishAll(topic: string, events: readonly CloudEvent[], keyOf: (event: CloudEvent) => string): Promise<Position[]>;
  /** For dead letters and other non-CloudEvents payloads. */
  publishRaw(topic: string, message: RawMessage): Promise<Position>;
  /** A null value for `key` on a compacted topic: compaction then deletes every earlier value of the key. */
  publishTombstone(topic: string, key: string): Promise<Position>;
}

/**
 * How far a reader of topics (a replica, a read model) has applied them: a request
 * that must see its own write waits for the positions its publish returned.
 */
export interface AppliedOffsets {
  /** Resolves true once every position is applied, false if `timeoutMs` passes first. */
  caughtUpTo(positions: readonly Position[], timeoutMs: number): Promise<boolean>;
}

/** The replicas' progress: they also wait for writes made by others (a patient registered a moment ago). */
export interface ReplicaProgress extends AppliedOffsets {
  /** Resolves true once the replicas applied everything `topics` held when asked, false after `timeoutMs`. */
  caughtUpToEnd(topics: readonly string[], timeoutMs: number): Promise<boolean>;
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
  /** Whether this member of the group is assigned the partition now (others apply the rest). */
  owns?(topic: string, partition: number): boolean;
}

/** One record of a replicated topic: `event` is null for a tombstone (compacted topics). */
export interface ReplicatedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly event: AnyEvent | null;
  readonly traceContext: Context;
}

/**
 * In-memory state kept by replaying topics from the beginning in every instance
 * (a table, as in "stream-table duality"): per-patient keys, grants, the patient
 * registry. Used where a decision must be made with no network hop and must see
 * everything, not one consumer group member's share of the partitions.
 */
export interface TopicReplicaHandler {
  /** Applied in offset order per partition; a rejection stops the replica (its state would be incomplete). */
  apply(record: ReplicatedRecord): void | Promise<void>;
}

export interface TopicReplica {
  /** Resolves once every record that existed when it started has been applied. */
  start(handler: TopicReplicaHandler): Promise<void>;
  stop(): Promise<void>;
  /** True once caught up with the topics as they were at start, and still following. */
  isCaughtUp(): boolean;
  /** Milliseconds between a record's append time and its application, last observed. */
  lagMs(): number;
}
