// Wires a service's side effects once: the Kafka client and publisher, Redis, the
// projections it runs, and their readiness probes. Domain code receives ports.
import { TOPIC_SPECS } from '@carechain/contracts';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Redis } from 'ioredis';
import { Readiness, type ReadinessProbe } from '@carechain/http';
import {
  createKafka,
  KafkaEventConsumer,
  KafkaEventPublisher,
  KafkaTopicReplica,
  type BatchHandler,
  type KafkaConsumerOptions,
  type KafkaSasl,
  type TopicReplicaHandler,
} from '@carechain/messaging';
import { createRedis, ProjectionRunner, redisAnswers, type Projection } from '@carechain/read-model';
import type { Logger } from '@carechain/telemetry';
import { EVENT_PUBLISHER, KAFKA, LOGGER, PROCESSORS, PROJECTIONS, REDIS, REPLICAS } from './tokens';

/** A consumer that is not a read model (e.g. ledger-writer's anchoring): its handler is built from the runtime's ports. */
export interface ProcessorDefinition {
  readonly name: string;
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly consumer?: Pick<KafkaConsumerOptions, 'minBatchBytes' | 'maxWaitMs' | 'maxBatchBytes' | 'concurrency'>;
  create(ports: { publisher: KafkaEventPublisher; redis: Redis; logger: Logger }): {
    handler: BatchHandler;
    probes?: readonly ReadinessProbe[];
    close?(): Promise<void> | void;
  };
}

/** In-memory state every instance rebuilds by replaying topics (see TopicReplica); the service is not ready before it caught up. */
export interface ReplicaDefinition {
  /** Names the state in readiness checks (`replica:<name>`), e.g. `carechain.records.grants`. */
  readonly name: string;
  readonly topics: readonly string[];
  readonly handler: TopicReplicaHandler;
}

export interface RuntimeOptions {
  readonly serviceName: string;
  readonly logger: Logger;
  readonly kafkaBrokers: readonly string[];
  /** The service's SASL principal and TLS settings (none: an unauthenticated client). */
  readonly kafkaSecurity?: { readonly sasl?: KafkaSasl; readonly tls?: { readonly ca?: string } };
  readonly redisUrl: string;
  /** The service's Redis ACL user. */
  readonly redisAuth?: { readonly username?: string; readonly password?: string };
  readonly projections: readonly Projection[];
  readonly processors?: readonly ProcessorDefinition[];
  readonly replicas?: readonly ReplicaDefinition[];
}

interface RunningReplica {
  readonly definitions: readonly ReplicaDefinition[];
  readonly replica: KafkaTopicReplica;
  readonly handler: TopicReplicaHandler;
}

/**
 * All of a service's replicas share one consumer over the union of their topics:
 * each record is decoded and validated once and handed, in definition order, to
 * every replica that reads its topic. (Several states often read the same topic,
 * e.g. the patient registry and the grants both follow identity.patient.v1.)
 */
function sharedReplica(kafka: Kafka, serviceName: string, logger: Logger, definitions: readonly ReplicaDefinition[]): RunningReplica[] {
  if (definitions.length === 0) return [];
  const topics = [...new Set(definitions.flatMap((d) => d.topics))];
  const byTopic = new Map(topics.map((t) => [t, definitions.filter((d) => d.topics.includes(t)).map((d) => d.handler)]));
  const handler: TopicReplicaHandler = {
    async apply(record) {
      for (const h of byTopic.get(record.topic) ?? []) await h.apply(record);
    },
  };
  return [{ definitions, replica: new KafkaTopicReplica(kafka, { name: `carechain.${serviceName}.replicas`, topics, logger }), handler }];
}

interface RunningProcessor {
  readonly name: string;
  readonly consumer: KafkaEventConsumer;
  readonly handler: BatchHandler;
  readonly probes: readonly ReadinessProbe[];
  close?(): Promise<void> | void;
}

/** The compacted ones among `topics`, by the contracts' topic list. */
function compacted(topics: readonly string[]): string[] {
  return topics.filter((t) => TOPIC_SPECS.some((s) => s.name === t && s.cleanupPolicy === 'compact'));
}

@Global()
@Module({})
export class RuntimeModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_PUBLISHER) private readonly publisher: KafkaEventPublisher,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(PROJECTIONS) private readonly runners: readonly ProjectionRunner[],
    @Inject(PROCESSORS) private readonly processors: readonly RunningProcessor[],
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(REPLICAS) private readonly replicas: readonly RunningReplica[],
    private readonly readiness: Readiness,
  ) {}

  static forRoot(options: RuntimeOptions): DynamicModule {
    const kafka = createKafka({ brokers: options.kafkaBrokers, clientId: options.serviceName, logger: options.logger, ...options.kafkaSecurity });
    const publisher = new KafkaEventPublisher(kafka);
    const redis = createRedis(options.redisUrl, options.serviceName, options.redisAuth);
    const runners = options.projections.map(
      (p) =>
        new ProjectionRunner(
          redis,
          p,
          new KafkaEventConsumer(kafka, {
            groupId: p.consumerGroup,
            topics: p.topics,
            logger: options.logger,
            publisher,
            tombstoneTopics: compacted(p.topics),
          }),
        ),
    );
    const processors: RunningProcessor[] = (options.processors ?? []).map((d) => {
      const built = d.create({ publisher, redis, logger: options.logger.child({ processor: d.name }) });
      return {
        name: d.name,
        consumer: new KafkaEventConsumer(kafka, {
          groupId: d.groupId,
          topics: d.topics,
          logger: options.logger,
          publisher,
          tombstoneTopics: compacted(d.topics),
          ...d.consumer,
        }),
        handler: built.handler,
        probes: built.probes ?? [],
        ...(built.close && { close: built.close }),
      };
    });
    const replicas = sharedReplica(kafka, options.serviceName, options.logger, options.replicas ?? []);
    return {
      module: RuntimeModule,
      providers: [
        { provide: REPLICAS, useValue: replicas },
        { provide: PROCESSORS, useValue: processors },
        { provide: LOGGER, useValue: options.logger },
        { provide: KAFKA, useValue: kafka },
        { provide: EVENT_PUBLISHER, useValue: publisher },
        { provide: REDIS, useValue: redis },
        { provide: PROJECTIONS, useValue: runners },
      ],
      exports: [LOGGER, KAFKA, EVENT_PUBLISHER, REDIS, PROJECTIONS, PROCESSORS],
    };
  }

  async onModuleInit(): Promise<void> {
    this.readiness.register({ name: 'redis', check: () => redisAnswers(this.redis) });
    this.readiness.register({ name: 'kafka-producer', check: () => this.publisher.isConnected() });
    for (const runner of this.runners) {
      this.readiness.register({ name: `projection:${runner.projection.name}`, check: () => runner.isRunning() });
    }
    for (const r of this.replicas) {
      for (const d of r.definitions) this.readiness.register({ name: `replica:${d.name}`, check: () => r.replica.isCaughtUp() });
    }
    for (const p of this.processors) {
      this.readiness.register({ name: `consumer:${p.name}`, check: () => p.consumer.state().running });
      p.probes.forEach((probe) => this.readiness.register(probe));
    }
    await this.publisher.connect();
    // Replicas first: consumers and controllers decide from them, so they must hold everything there was.
    await Promise.all(this.replicas.map((r) => r.replica.start(r.handler)));
    await Promise.all([...this.runners.map((r) => r.start()), ...this.processors.map((p) => p.consumer.start(p.handler))]);
    this.logger.info({ projections: this.runners.map((r) => r.projection.name) }, 'runtime started');
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'shutting down: stopping consumers, flushing producer');
    await Promise.allSettled([...this.runners.map((r) => r.stop()), ...this.processors.map((p) => p.consumer.stop())]);
    await Promise.allSettled(this.processors.map(async (p) => p.close?.()));
    await Promise.allSettled(this.replicas.map((r) => r.replica.stop()));
    await this.publisher.disconnect().catch(() => undefined);
    this.redis.disconnect();
  }
}

export type { Kafka, Redis };
