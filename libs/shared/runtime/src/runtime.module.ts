// Wires a service's side effects once: the Kafka client and publisher, Redis, the
// projections it runs, and their readiness probes. Domain code receives ports.
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Redis } from 'ioredis';
import { Readiness } from '@carechain/http';
import { createKafka, KafkaEventConsumer, KafkaEventPublisher } from '@carechain/messaging';
import { createRedis, ProjectionRunner, redisAnswers, type Projection } from '@carechain/read-model';
import type { Logger } from '@carechain/telemetry';
import { EVENT_PUBLISHER, KAFKA, LOGGER, PROJECTIONS, REDIS } from './tokens';

export interface RuntimeOptions {
  readonly serviceName: string;
  readonly logger: Logger;
  readonly kafkaBrokers: readonly string[];
  readonly redisUrl: string;
  readonly projections: readonly Projection[];
}

@Global()
@Module({})
export class RuntimeModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_PUBLISHER) private readonly publisher: KafkaEventPublisher,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(PROJECTIONS) private readonly runners: readonly ProjectionRunner[],
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly readiness: Readiness,
  ) {}

  static forRoot(options: RuntimeOptions): DynamicModule {
    const kafka = createKafka({ brokers: options.kafkaBrokers, clientId: options.serviceName, logger: options.logger });
    const publisher = new KafkaEventPublisher(kafka);
    const redis = createRedis(options.redisUrl, options.serviceName);
    const runners = options.projections.map(
      (p) =>
        new ProjectionRunner(
          redis,
          p,
          new KafkaEventConsumer(kafka, { groupId: p.consumerGroup, topics: p.topics, logger: options.logger, publisher }),
        ),
    );
    return {
      module: RuntimeModule,
      providers: [
        { provide: LOGGER, useValue: options.logger },
        { provide: KAFKA, useValue: kafka },
        { provide: EVENT_PUBLISHER, useValue: publisher },
        { provide: REDIS, useValue: redis },
        { provide: PROJECTIONS, useValue: runners },
      ],
      exports: [LOGGER, KAFKA, EVENT_PUBLISHER, REDIS, PROJECTIONS],
    };
  }

  async onModuleInit(): Promise<void> {
    this.readiness.register({ name: 'redis', check: () => redisAnswers(this.redis) });
    this.readiness.register({ name: 'kafka-producer', check: () => this.publisher.isConnected() });
    for (const runner of this.runners) {
      this.readiness.register({ name: `projection:${runner.projection.name}`, check: () => runner.isRunning() });
    }
    await this.publisher.connect();
    await Promise.all(this.runners.map((r) => r.start()));
    this.logger.info({ projections: this.runners.map((r) => r.projection.name) }, 'runtime started');
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'shutting down: stopping consumers, flushing producer');
    await Promise.allSettled(this.runners.map((r) => r.stop()));
    await this.publisher.disconnect().catch(() => undefined);
    this.redis.disconnect();
  }
}

export type { Kafka, Redis };
