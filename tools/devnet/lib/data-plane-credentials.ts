// The devnet's data-plane principals: one Kafka SCRAM user and one Redis ACL user
// per service, an admin of each (topic and ACL creation; the tests' own clients),
// and the KRaft controller's own login. Passwords are random, generated once per
// state dir into files of mode 0600 that the services read (KAFKA_SASL_PASSWORD_FILE,
// REDIS_PASSWORD_FILE): they are never passed on a command line or in a log.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateDir } from './paths.ts';

/** One principal: its name, and the file its password lives in. */
export interface Principal {
  readonly username: string;
  readonly passwordFile: string;
  readonly password: string;
}

export interface DataPlaneCredentials {
  readonly kafkaAdmin: Principal;
  /** The broker's login to the KRaft controller (SASL/PLAIN: SCRAM credentials live in the metadata the controller serves). */
  readonly kafkaController: Principal;
  readonly redisAdmin: Principal;
  /** Per service name (apps/<name>); the Kafka principal and the Redis user share the service's name. */
  readonly kafka: Readonly<Record<string, Principal>>;
  readonly redis: Readonly<Record<string, Principal>>;
}

export const KAFKA_ADMIN = 'carechain-admin';
export const KAFKA_CONTROLLER = 'carechain-controller';
export const REDIS_ADMIN = 'carechain-admin';
export const SCRAM_MECHANISM = 'SCRAM-SHA-512';

function principal(dir: string, username: string): Principal {
  const passwordFile = join(dir, `${username}.password`);
  // 24 random bytes, base64url: URL- and properties-safe, no quoting needed anywhere.
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  return { username, passwordFile, password: readFileSync(passwordFile, 'utf8').trim() };
}

export function ensureDataPlaneCredentials(services: readonly string[], env: NodeJS.ProcessEnv = process.env): DataPlaneCredentials {
  const root = join(stateDir(env), 'credentials');
  const kafkaDir = join(root, 'kafka');
  const redisDir = join(root, 'redis');
  for (const d of [root, kafkaDir, redisDir]) mkdirSync(d, { recursive: true, mode: 0o700 });
  return {
    kafkaAdmin: principal(kafkaDir, KAFKA_ADMIN),
    kafkaController: principal(kafkaDir, KAFKA_CONTROLLER),
    redisAdmin: principal(redisDir, REDIS_ADMIN),
    kafka: Object.fromEntries(services.map((s) => [s, principal(kafkaDir, s)])),
    redis: Object.fromEntries(services.map((s) => [s, principal(redisDir, s)])),
  };
}

/** Each service's logins as the services get them: names and password files, never the passwords. */
export function loginsOf(c: DataPlaneCredentials): Record<string, { kafka: Omit<Principal, 'password'>; redis: Omit<Principal, 'password'> }> {
  const login = ({ username, passwordFile }: Principal) => ({ username, passwordFile });
  return Object.fromEntries(Object.entries(c.kafka).map(([service, kafka]) => [service, { kafka: login(kafka), redis: login(c.redis[service]!) }]));
}

/** Every password the devnet generated, for a check that none of them reached a log. */
export function allSecrets(c: DataPlaneCredentials): string[] {
  return [c.kafkaAdmin, c.kafkaController, c.redisAdmin, ...Object.values(c.kafka), ...Object.values(c.redis)].map((p) => p.password);
}

/**
 * The running devnet's admin logins, for the developer's own tools (bench, verify):
 * read from the state dir, never generated here; empty when there is no devnet state.
 */
export function devnetAdminLogins(env: NodeJS.ProcessEnv = process.env): {
  kafka?: { mechanism: 'scram-sha-512'; username: string; password: string };
  redis?: { username: string; password: string };
} {
  const read = (kind: 'kafka' | 'redis', username: string) => {
    const file = join(stateDir(env), 'credentials', kind, `${username}.password`);
    return existsSync(file) ? { username, password: readFileSync(file, 'utf8').trim() } : undefined;
  };
  const kafka = read('kafka', KAFKA_ADMIN);
  const redis = read('redis', REDIS_ADMIN);
  return { ...(kafka && { kafka: { mechanism: 'scram-sha-512' as const, ...kafka } }), ...(redis && { redis }) };
}
