// How a service proves who it is to Kafka and Redis. Passwords come from a file
// (a mounted Secret, the devnet's credentials dir) or, failing that, a variable
// marked secret; they are read once at boot and never echoed in an error.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { bool } from './fields';
import { ConfigError, secret } from './load-config';

export const dataPlaneConfigShape = {
  /** none: an unauthenticated client (a cluster with ACLs refuses it). */
  KAFKA_SASL_MECHANISM: z.enum(['none', 'scram-sha-512', 'scram-sha-256']).default('none'),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD_FILE: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: secret(z.string().min(1).optional()),
  KAFKA_TLS: bool(false),
  /** PEM bundle of the brokers' CA; without it the system's roots are trusted. */
  KAFKA_TLS_CA_FILE: z.string().min(1).optional(),
  /** A Redis ACL user; TLS is a rediss:// REDIS_URL. */
  REDIS_USERNAME: z.string().min(1).optional(),
  REDIS_PASSWORD_FILE: z.string().min(1).optional(),
  REDIS_PASSWORD: secret(z.string().min(1).optional()),
} as const;

type DataPlaneConfig = z.infer<z.ZodObject<typeof dataPlaneConfigShape>>;

export interface KafkaSecurity {
  readonly sasl?: { readonly mechanism: 'scram-sha-512' | 'scram-sha-256'; readonly username: string; readonly password: string };
  readonly tls?: { readonly ca?: string };
}

export interface RedisAuth {
  readonly username?: string;
  readonly password?: string;
}

/** A file's content without its trailing newline; an unreadable file names the variable and path, never content. */
function readSecretFile(variable: string, path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (err) {
    throw new ConfigError([`${variable}=${JSON.stringify(path)}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
}

function password(
  config: DataPlaneConfig,
  file: 'KAFKA_SASL_PASSWORD_FILE' | 'REDIS_PASSWORD_FILE',
  value: 'KAFKA_SASL_PASSWORD' | 'REDIS_PASSWORD',
): string | undefined {
  const path = config[file];
  return path !== undefined ? readSecretFile(file, path) : config[value];
}

export function kafkaSecurityOf(config: DataPlaneConfig): KafkaSecurity {
  const tls = config.KAFKA_TLS ? { tls: config.KAFKA_TLS_CA_FILE ? { ca: readSecretFile('KAFKA_TLS_CA_FILE', config.KAFKA_TLS_CA_FILE) } : {} } : {};
  if (config.KAFKA_SASL_MECHANISM === 'none') return tls;
  const pass = password(config, 'KAFKA_SASL_PASSWORD_FILE', 'KAFKA_SASL_PASSWORD');
  const problems = [
    ...(config.KAFKA_SASL_USERNAME ? [] : [`KAFKA_SASL_USERNAME is required when KAFKA_SASL_MECHANISM=${config.KAFKA_SASL_MECHANISM}`]),
    ...(pass ? [] : [`KAFKA_SASL_PASSWORD_FILE (or KAFKA_SASL_PASSWORD) is required when KAFKA_SASL_MECHANISM=${config.KAFKA_SASL_MECHANISM}`]),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...tls, sasl: { mechanism: config.KAFKA_SASL_MECHANISM, username: config.KAFKA_SASL_USERNAME!, password: pass! } };
}

export function redisAuthOf(config: DataPlaneConfig): RedisAuth {
  const pass = password(config, 'REDIS_PASSWORD_FILE', 'REDIS_PASSWORD');
  if (config.REDIS_USERNAME && !pass) throw new ConfigError(['REDIS_PASSWORD_FILE (or REDIS_PASSWORD) is required with REDIS_USERNAME']);
  return { ...(config.REDIS_USERNAME && { username: config.REDIS_USERNAME }), ...(pass && { password: pass }) };
}
