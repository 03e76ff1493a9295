// Wires a service's side effects once: the Kafka client and publisher, Redis, and the
// event transport that runs the service's @EventPattern handlers (connected as a Nest
// microservice by startService). Domain code receives ports.
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Redis } from 'ioredis';
import { Readiness } from '@carechain/http';
import { createKafka, KafkaEventPublisher, type KafkaSasl } from '@carechain/messaging';
import { createRedis, redisAnswers } from '@carechain/read-model';
import type { Logger } from '@carechain/telemetry';
import { KafkaEventTransport } from './kafka-event.transport';
import { EVENT_PUBLISHER, EVENT_TRANSPORT, KAFKA, LOGGER, REDIS, REPLICA_PROGRESS } from './tokens';

export interface RuntimeOptions {
  readonly serviceName: string;
  readonly logger: Logger;
  readonly kafkaBrokers: readonly string[];
  /** The service's SASL principal and TLS settings (none: an unauthenticated client). */
  readonly kafkaSecurity?: { readonly sasl?: KafkaSasl; readonly tls?: { readonly ca?: string } };
  readonly redisUrl: string;
  /** The service's Redis ACL user. */
  readonly redisAuth?: { readonly username?: string; readonly password?: string };
}

@Global()
@Module({})
export class RuntimeModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_PUBLISHER) private readonly publisher: KafkaEventPublisher,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(EVENT_TRANSPORT) private readonly transport: KafkaEventTransport,
    private readonly readiness: Readiness,
  ) {}

  static forRoot(options: RuntimeOptions): DynamicModule {
    const kafka = createKafka({ brokers: options.kafkaBrokers, clientId: options.serviceName, logger: options.logger, ...options.kafkaSecurity });
    const publisher = new KafkaEventPublisher(kafka);
    const redis = createRedis(options.redisUrl, options.serviceName, options.redisAuth);
    return {
      module: RuntimeModule,
      providers: [
        { provide: LOGGER, useValue: options.logger },
        { provide: KAFKA, useValue: kafka },
        { provide: EVENT_PUBLISHER, useValue: publisher },
        { provide: REDIS, useValue: redis },
        {
          provide: EVENT_TRANSPORT,
          useFactory: (readiness: Readiness) =>
            new KafkaEventTransport({ serviceName: options.serviceName, kafka, publisher, redis, logger: options.logger, readiness }),
          inject: [Readiness],
        },
        { provide: REPLICA_PROGRESS, useFactory: (t: KafkaEventTransport) => t.replicaProgress, inject: [EVENT_TRANSPORT] },
      ],
      exports: [LOGGER, KAFKA, EVENT_PUBLISHER, REDIS, EVENT_TRANSPORT, REPLICA_PROGRESS],
    };
  }

  /**
   * The producer first (the handlers dead-letter and publish through it), then the event
   * handlers: replicas caught up before anything else starts, and before any bootstrap
   * hook runs (e.g. consent's expiry scheduler, which must not judge a half-replayed book).
   */
  async onModuleInit(): Promise<void> {
    this.readiness.register({ name: 'redis', check: () => redisAnswers(this.redis) });
    this.readiness.register({ name: 'kafka-producer', check: () => this.publisher.isConnected() });
    await this.publisher.connect();
    await this.transport.start();
  }

  /** Runs after the transport closed (consumers committed and left): flush what is queued, then let go of Redis. */
  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'shutting down: flushing producer');
    await this.publisher.disconnect().catch(() => undefined);
    this.redis.disconnect();
  }
}

export type { Kafka, Redis };
