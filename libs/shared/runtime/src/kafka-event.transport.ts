// The NestJS transport for Kafka: @EventPattern handlers on controllers, fed by the
// consumers that give the project's guarantees (see event-patterns.ts for the kinds).
// listen() starts exactly what the service runs: ONE replica consumer over the union
// of the replicas' topics (each record decoded once, handed to every replica of its
// topic in declaration order; a record of a type none of them handles is passed over
// by its type header, unparsed), and caught up before anything else starts; one
// ProjectionRunner per read model (the effect and the offset stored in one Redis
// step; a type it does not handle passed over likewise); one KafkaEventConsumer per processor (bounded retries, then the DLQ with the
// reason). close() stops them all; the publisher and Redis belong to the runtime.
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import type { Redis } from 'ioredis';
import { TOPIC_SPECS } from '@carechain/contracts';
import type { Readiness } from '@carechain/http';
import {
  KafkaEventConsumer,
  KafkaTopicReplica,
  type AppliedOffsets,
  type BatchHandler,
  type ConsumedRecord,
  type EventPublisher,
  type Position,
  type RecordBatch,
  type ReplicaProgress,
  type ReplicatedRecord,
} from '@carechain/messaging';
import { ProjectionRunner, type ProjectionCommand } from '@carechain/read-model';
import type { Logger } from '@carechain/telemetry';
import { groupHandlers, handledTypes } from './event-handlers';

export interface KafkaEventTransportOptions {
  readonly serviceName: string;
  readonly kafka: Kafka;
  /** Where dead letters go. */
  readonly publisher: EventPublisher;
  readonly redis: Redis;
  readonly logger: Logger;
  readonly readiness: Readiness;
}

interface RunningProcessor {
  readonly name: string;
  readonly consumer: KafkaEventConsumer;
  readonly handler: BatchHandler;
}

/** The compacted ones among `topics`, by the contracts' topic list. */
function compacted(topics: readonly string[]): string[] {
  return topics.filter((t) => TOPIC_SPECS.some((s) => s.name === t && s.cleanupPolicy === 'compact'));
}

export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  private replica: KafkaTopicReplica | undefined;
  private runners: ProjectionRunner[] = [];
  private processors: RunningProcessor[] = [];
  private readonly log: Logger;
  private started: Promise<void> | undefined;

  /** The replicas' progress, for use cases built before listen(): nothing is applied until then. */
  readonly replicaProgress: ReplicaProgress = {
    caughtUpTo: (positions, timeoutMs) => this.replica?.caughtUpTo(positions, timeoutMs) ?? Promise.resolve(false),
    caughtUpToEnd: (topics, timeoutMs) => this.replica?.caughtUpToEnd(topics, timeoutMs) ?? Promise.resolve(false),
  };

  constructor(private readonly options: KafkaEventTransportOptions) {
    super();
    this.log = options.logger.child({ component: 'event-transport' });
  }

  /** How far the read model `name` is applied (see ProjectionRunner.caughtUpTo). */
  readModelProgress(name: string): AppliedOffsets {
    return {
      caughtUpTo: (positions: readonly Position[], timeoutMs: number) =>
        this.runners.find((r) => r.projection.name === name)?.caughtUpTo(positions, timeoutMs) ?? Promise.resolve(false),
    };
  }

  /** The read models this service runs (empty before listen()). */
  projections(): readonly ProjectionRunner[] {
    return this.runners;
  }

  /** Nest calls this after the runtime's init hook started the handlers: it answers when they run. */
  listen(callback: (err?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (err: unknown) => callback(err),
    );
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.runners.map((r) => r.stop()), ...this.processors.map((p) => p.consumer.stop())]);
    await this.replica?.stop().catch(() => undefined);
  }

  on(): never {
    throw new Error('the Kafka event transport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.options.kafka as T;
  }

  /** Starts the handlers once (the runtime's init hook does, after the producer connected). */
  start(): Promise<void> {
    this.started ??= this.run();
    return this.started;
  }

  private async run(): Promise<void> {
    const { kafka, publisher, redis, logger, readiness, serviceName } = this.options;
    const groups = groupHandlers(this.getHandlers());

    if (groups.replicas.length > 0) {
      const topics = [...groups.replicasByTopic.keys()];
      const replica = new KafkaTopicReplica(kafka, {
        name: `carechain.${serviceName}.replicas`,
        topics,
        logger,
        handledTypes: handledTypes(groups.replicas),
      });
      this.replica = replica;
      for (const g of groups.replicas) readiness.register({ name: `replica:${g.binding.name}`, check: () => replica.isCaughtUp() });
    }

    this.runners = groups.projections.map((g) => {
      const byTopic = new Map(g.handlers.map((h) => [h.topic, h.handle]));
      const runner = new ProjectionRunner(
        redis,
        {
          name: g.binding.name,
          topics: g.topics,
          consumerGroup: g.binding.consumerGroup,
          apply: (record: ConsumedRecord) => byTopic.get(record.topic)!(record) as Promise<readonly ProjectionCommand[]>,
        },
        new KafkaEventConsumer(kafka, {
          groupId: g.binding.consumerGroup,
          topics: g.topics,
          logger,
          publisher,
          tombstoneTopics: compacted(g.topics),
          handledTypes: handledTypes([g]),
        }),
      );
      readiness.register({ name: `projection:${g.binding.name}`, check: () => runner.isRunning() });
      return runner;
    });

    this.processors = groups.processors.map((g) => {
      const byTopic = new Map(g.handlers.map((h) => [h.topic, h.handle]));
      const consumer = new KafkaEventConsumer(kafka, {
        groupId: g.binding.groupId,
        topics: g.topics,
        logger,
        publisher,
        tombstoneTopics: compacted(g.topics),
        ...g.binding.consumer,
      });
      readiness.register({ name: `consumer:${g.binding.name}`, check: () => consumer.state().running });
      const handler: BatchHandler = { handle: async (batch: RecordBatch) => void (await byTopic.get(batch.topic)!(batch)) };
      return { name: g.binding.name, consumer, handler };
    });

    // Replicas first: consumers and controllers decide from them, so they must hold everything there was.
    await this.replica?.start({
      async apply(record: ReplicatedRecord) {
        for (const handle of groups.replicasByTopic.get(record.topic) ?? []) await handle(record);
      },
    });
    await Promise.all([...this.runners.map((r) => r.start()), ...this.processors.map((p) => p.consumer.start(p.handler))]);
    this.log.info(
      {
        replicas: groups.replicas.map((g) => g.binding.name),
        projections: groups.projections.map((g) => g.binding.name),
        processors: this.processors.map((p) => p.name),
      },
      'event handlers started',
    );
  }
}
