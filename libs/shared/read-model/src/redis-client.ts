import { Redis } from 'ioredis';

/**
 * A Redis connection that fails commands quickly while Redis is away (so
 * consumers see a transient error and back off, and readiness turns false)
 * and reconnects by itself.
 */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
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
