import { Redis } from 'ioredis';

/**
 * A Redis connection that fails commands quickly while Redis is away (so
 * consumers see a transient error and back off, and readiness turns false)
 * and reconnects by itself.
 */
export function createRedis(url: string, name: string, auth: { readonly username?: string; readonly password?: string } = {}): Redis {
  return new Redis(url, {
    connectionName: name,
    // An ACL user of its own, restricted to the service's key patterns (see DATA_PLANE_ACCESS).
    ...(auth.username !== undefined && { username: auth.username }),
    ...(auth.password !== undefined && { password: auth.password }),
    maxRetriesPerRequest: 2,
    enableAutoPipelining: true,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}

export async function redisAnswers(redis: Redis): Promise<boolean> {
  try {
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  }
}
