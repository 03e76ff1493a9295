// What every carechain service's main does, in one place: read and validate its
// config — every service's variables and the service's own, once, exiting 78 and
// naming the variable when one is wrong — make its logger, let the service build its
// parts from the typed config, assemble its root module (auth, health, runtime ports,
// its own controllers and providers) and serve it.
import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import type { z } from 'zod';
import type { NestMicroservice } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthModule } from '@carechain/auth';
import {
  checkAuthConfig,
  ConfigError,
  kafkaSecurityOf,
  loadConfig,
  redisAuthOf,
  serviceConfigShape,
  type KafkaSecurity,
  type RedisAuth,
  type ServiceConfig,
} from '@carechain/config';
import { HealthModule, runService, type DomainProblems } from '@carechain/http';
import { createLogger, type Logger } from '@carechain/telemetry';
import { EventErrorsToConsumer } from './event-errors.filter';
import type { KafkaEventTransport } from './kafka-event.transport';
import { RuntimeModule } from './runtime.module';
import { ReadModelsController } from './read-models.controller';
import { EVENT_TRANSPORT } from './tokens';

/** What a service runs: its controllers (HTTP, and @EventPattern ones for Kafka), providers and error mappings. */
export interface ServiceParts {
  /** HTTP controllers and the service's events controller (its replicas, read models and processors). */
  readonly controllers?: readonly Type<unknown>[];
  readonly providers?: readonly Provider[];
  /** How the service's domain errors map to problem+json (one entry per domain error class). */
  readonly problems?: readonly DomainProblems[];
}

/** Every service's settings and the service's own `S`, validated together at start. */
export type ConfigOf<S extends z.ZodRawShape> = ServiceConfig & Readonly<z.infer<z.ZodObject<S>>>;

export interface ServiceDefinition<S extends z.ZodRawShape = Record<never, never>> {
  readonly name: string;
  readonly description: string;
  readonly defaultPort: number;
  /** The service's own variables (a zod shape), read with every service's. */
  readonly config?: S;
  /** Builds the service's parts once its configuration is valid. */
  parts(config: ConfigOf<S>, logger: Logger): ServiceParts | Promise<ServiceParts>;
}

/** Every service's variables and `own`, read once; throws ConfigError naming each wrong one. */
export function readServiceConfig<S extends z.ZodRawShape>(defaultPort: number, own?: S): ConfigOf<S> {
  const config = loadConfig({ ...serviceConfigShape({ port: defaultPort }), ...own }) as ConfigOf<S>;
  const problems = checkAuthConfig(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function authOptions(config: ServiceConfig) {
  const common = {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    algorithms: config.AUTH_ALGORITHMS,
    clockToleranceSec: config.AUTH_CLOCK_TOLERANCE_SEC,
    ...(config.RATE_LIMIT_PER_SECOND > 0 && { rateLimit: { perSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST } }),
  };
  return config.AUTH_MODE === 'dev'
    ? { mode: 'dev' as const, devJwksFile: config.AUTH_DEV_JWKS_FILE!, ...common }
    : { mode: 'jwks' as const, jwksUrl: config.AUTH_JWKS_URL!, ...common };
}

/** The service's own Kafka principal and Redis user, read (from files, where given) once at boot. */
export interface DataPlaneCredentials {
  readonly kafka: KafkaSecurity;
  readonly redis: RedisAuth;
}

export function serviceModule(
  name: string,
  definition: ServiceParts,
  config: ServiceConfig,
  logger: Logger,
  credentials: DataPlaneCredentials = { kafka: {}, redis: {} },
): DynamicModule {
  @Module({})
  class ServiceRootModule {}
  return {
    module: ServiceRootModule,
    imports: [
      AuthModule.forRoot(authOptions(config)),
      HealthModule,
      RuntimeModule.forRoot({
        serviceName: name,
        logger,
        kafkaBrokers: config.KAFKA_BROKERS,
        kafkaSecurity: credentials.kafka,
        redisUrl: config.REDIS_URL,
        redisAuth: credentials.redis,
      }),
    ],
    controllers: [...(definition.controllers ?? []), ReadModelsController],
    providers: [...(definition.providers ?? [])],
  };
}

export async function startService<S extends z.ZodRawShape>(definition: ServiceDefinition<S>): Promise<NestFastifyApplication> {
  let config: ConfigOf<S>;
  let credentials: DataPlaneCredentials;
  try {
    config = readServiceConfig(definition.defaultPort, definition.config);
    credentials = { kafka: kafkaSecurityOf(config), redis: redisAuthOf(config) };
  } catch (err) {
    // Fail fast, naming the variables; no stack trace for a configuration mistake.
    process.stderr.write(`${definition.name}: ${(err as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  process.on('unhandledRejection', (reason) => logger.error({ err: String(reason) }, 'unhandled rejection'));
  let parts: ServiceParts;
  try {
    parts = await definition.parts(config, logger);
  } catch (err) {
    // A rule across variables the service checks while building (a network file without the organisation, say).
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${definition.name}: ${err.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  return runService({
    name: definition.name,
    description: definition.description,
    module: serviceModule(definition.name, parts, config, logger, credentials),
    host: config.HOST,
    port: config.PORT,
    logger,
    docsUi: config.DOCS_UI,
    problems: parts.problems ?? [],
    beforeInit: connectEventHandlers,
  });
}

/**
 * Connects the Kafka transport as a Nest microservice: its @EventPattern handlers are
 * registered now, with the filter that hands their errors to the consumers; the
 * runtime's init hook starts it (replicas caught up before any bootstrap hook runs,
 * and before HTTP listens), as readiness says.
 */
export function connectEventHandlers(app: NestFastifyApplication): void {
  const strategy = app.get<KafkaEventTransport>(EVENT_TRANSPORT);
  // What connectMicroservice does when not deferred, with the filter set before the handlers are made.
  const events = app.connectMicroservice({ strategy }, { deferInitialization: true }) as NestMicroservice;
  events.useGlobalFilters(new EventErrorsToConsumer());
  events.registerListeners();
  events.setIsInitialized(true);
  events.setIsInitHookCalled(true);
}
