// What every carechain service's main does, in one place: read and validate its
// config, make its logger, assemble its root module (auth, health, runtime ports,
// its own controllers and providers) and serve it.
import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthModule } from '@carechain/auth';
import { checkAuthConfig, ConfigError, loadConfig, serviceConfigShape, type ServiceConfig } from '@carechain/config';
import { HealthModule, runService, type DomainProblems } from '@carechain/http';
import type { Projection } from '@carechain/read-model';
import { createLogger, type Logger } from '@carechain/telemetry';
import { RuntimeModule, type ProcessorDefinition, type ReplicaDefinition } from './runtime.module';
import { ReadModelsController } from './read-models.controller';

export interface ServiceDefinition {
  readonly name: string;
  readonly description: string;
  readonly defaultPort: number;
  readonly projections?: readonly Projection[];
  readonly processors?: readonly ProcessorDefinition[];
  readonly replicas?: readonly ReplicaDefinition[];
  readonly controllers?: readonly Type<unknown>[];
  readonly providers?: readonly Provider[];
  /** How the service's domain errors map to problem+json (one entry per domain error class). */
  readonly problems?: readonly DomainProblems[];
}

export function readServiceConfig(defaultPort: number): ServiceConfig {
  const config = loadConfig(serviceConfigShape({ port: defaultPort }));
  const problems = checkAuthConfig(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function authOptions(config: ServiceConfig) {
  return config.AUTH_MODE === 'dev'
    ? { mode: 'dev' as const, devJwksFile: config.AUTH_DEV_JWKS_FILE!, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }
    : { mode: 'jwks' as const, jwksUrl: config.AUTH_JWKS_URL!, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
}

export function serviceModule(definition: ServiceDefinition, config: ServiceConfig, logger: Logger): DynamicModule {
  @Module({})
  class ServiceRootModule {}
  return {
    module: ServiceRootModule,
    imports: [
      AuthModule.forRoot(authOptions(config)),
      HealthModule,
      RuntimeModule.forRoot({
        serviceName: definition.name,
        logger,
        kafkaBrokers: config.KAFKA_BROKERS,
        redisUrl: config.REDIS_URL,
        projections: definition.projections ?? [],
        processors: definition.processors ?? [],
        replicas: definition.replicas ?? [],
      }),
    ],
    controllers: [...(definition.controllers ?? []), ReadModelsController],
    providers: [...(definition.providers ?? [])],
  };
}

export async function startService(definition: ServiceDefinition): Promise<NestFastifyApplication> {
  let config: ServiceConfig;
  try {
    config = readServiceConfig(definition.defaultPort);
  } catch (err) {
    // Fail fast, naming the variables; no stack trace for a configuration mistake.
    process.stderr.write(`${definition.name}: ${(err as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  process.on('unhandledRejection', (reason) => logger.error({ err: String(reason) }, 'unhandled rejection'));
  return runService({
    name: definition.name,
    description: definition.description,
    module: serviceModule(definition, config, logger),
    host: config.HOST,
    port: config.PORT,
    logger,
    docsUi: config.DOCS_UI,
    problems: definition.problems ?? [],
  });
}
