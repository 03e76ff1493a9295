// The variables every carechain service shares: where it listens, its Kafka,
// Redis and token issuer. Services extend this shape with their own.
import { z } from 'zod';
import { bool, csv, logLevel, port } from './fields';
import { secret } from './load-config';
import { dataPlaneConfigShape } from './data-plane-credentials';

export function serviceConfigShape(defaults: { port: number }) {
  return {
    HOST: z.string().default('127.0.0.1'),
    PORT: port(defaults.port),
    LOG_LEVEL: logLevel,
    KAFKA_BROKERS: csv('127.0.0.1:9092'),
    REDIS_URL: secret(z.string().url().default('redis://127.0.0.1:6379')),
    ...dataPlaneConfigShape,
    /** dev: a local JWKS file generated on first run; jwks: a production issuer's JWKS URL. */
    AUTH_MODE: z.enum(['dev', 'jwks']).default('dev'),
    AUTH_DEV_JWKS_FILE: z.string().optional(),
    AUTH_JWKS_URL: z.string().url().optional(),
    AUTH_ISSUER: z.string().min(1).default('https://carechain.local/dev-issuer'),
    AUTH_AUDIENCE: z.string().min(1).default('carechain'),
    /** Swagger UI at /docs; the JSON document at /openapi.json is always served. */
    DOCS_UI: bool(true),
  } as const;
}

export type ServiceConfigShape = ReturnType<typeof serviceConfigShape>;
export type ServiceConfig = z.infer<z.ZodObject<ServiceConfigShape>>;

/** Cross-field rules zod's per-field shape cannot express. */
export function checkAuthConfig(config: Pick<ServiceConfig, 'AUTH_MODE' | 'AUTH_DEV_JWKS_FILE' | 'AUTH_JWKS_URL'>): string[] {
  const problems: string[] = [];
  if (config.AUTH_MODE === 'dev' && !config.AUTH_DEV_JWKS_FILE) problems.push('AUTH_DEV_JWKS_FILE is required when AUTH_MODE=dev');
  if (config.AUTH_MODE === 'jwks' && !config.AUTH_JWKS_URL) problems.push('AUTH_JWKS_URL is required when AUTH_MODE=jwks');
  return problems;
}
