// The variables every carechain service shares: where it listens, its Kafka,
// Redis and token issuer. Services extend this shape with their own.
import { z } from 'zod';
import { bool, csv, logLevel, port } from './fields';

/** The asymmetric JWS algorithms a deployment may allow: @carechain/auth's SignatureAlgorithm (the runtime's typecheck keeps them in step). */
export const SIGNATURE_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'] as const;
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
    /** The `aud` this deployment's tokens carry: one per deployment, so a token of another (staging, another tenant) is refused. */
    AUTH_AUDIENCE: z.string().min(1).default('carechain'),
    /** The signing algorithms accepted (asymmetric only: a JWKS is public). */
    AUTH_ALGORITHMS: csv('ES256,RS256,EdDSA').pipe(z.array(z.enum(SIGNATURE_ALGORITHMS))),
    /** Clock skew allowed on exp/nbf, bounded as @carechain/auth's MAX_CLOCK_TOLERANCE_SEC. */
    AUTH_CLOCK_TOLERANCE_SEC: z.coerce.number().int().min(0).max(300).default(5),
    /** Requests per second each principal may make to this instance (0: no limit), and its burst (default twice the rate). */
    RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(0),
    RATE_LIMIT_BURST: z.coerce.number().int().positive().optional(),
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
