// Redis ACL users on the suite's Redis, as the devnet sets them up: each service
// logs in as its own user and reaches only its own keys; nobody gets in without a login.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { LocalStackFacts } from '@carechain/contracts';
import { Redis } from 'ioredis';
import { createRedis } from './redis-client';
import { keyPrefix } from './projection';
import { requiredEnv, testRedis } from './testing/kafka-fixtures';

function loginOf(service: string): { username: string; password: string } {
  const login = (JSON.parse(requiredEnv('CARECHAIN_TEST_STACK_FACTS')) as LocalStackFacts).logins[service]?.redis;
  if (!login) throw new Error(`no Redis login for ${service}`);
  return { username: login.username, password: readFileSync(login.passwordFile, 'utf8').trim() };
}

describe('Redis ACL users', () => {
  const admin = testRedis();
  const clients: Redis[] = [];
  const as = (service: string) => {
    const client = createRedis(requiredEnv('CARECHAIN_TEST_REDIS_PLAIN_URL'), `it-${service}`, loginOf(service));
    clients.push(client);
    return client;
  };
  afterAll(() => [admin, ...clients].forEach((c) => c.disconnect()));

  it("keeps one service out of another's read model", async () => {
    const key = `${keyPrefix('records.records')}it:${randomUUID()}`;
    await admin.set(key, 'a record only records may read');
    try {
      const identity = as('identity');
      await expect(identity.get(key)).rejects.toThrow(/NOPERM/);
      await expect(identity.set(key, 'overwritten')).rejects.toThrow(/NOPERM/);
      await expect(identity.unlink(key)).rejects.toThrow(/NOPERM/);
      await expect(as('records').get(key)).resolves.toBe('a record only records may read');
    } finally {
      await admin.unlink(key);
    }
  });

  it('lets a service write its own keys, also from a Lua script, but not reach past them from one', async () => {
    const identity = as('identity');
    const own = `${keyPrefix('identity.patients')}it:${randomUUID()}`;
    const other = `${keyPrefix('audit.trail')}it:${randomUUID()}`;
    try {
      await expect(identity.eval("return redis.call('SET', KEYS[1], 'x')", 1, own)).resolves.toBe('OK');
      await expect(identity.eval("return redis.call('SET', ARGV[1], 'x')", 1, own, other)).rejects.toThrow(/NOPERM|can't access/i);
      expect(await admin.exists(other)).toBe(0);
    } finally {
      await admin.unlink(own);
    }
  });

  it('refuses whole-keyspace and administrative commands to a service', async () => {
    const records = as('records');
    await expect(records.keys('*')).rejects.toThrow(/NOPERM/);
    await expect(records.flushall()).rejects.toThrow(/NOPERM/);
    await expect(records.config('GET', 'requirepass')).rejects.toThrow(/NOPERM/);
    await expect(records.call('ACL', 'LIST')).rejects.toThrow(/NOPERM/);
  });

  it('refuses a client without a login, and a wrong password', async () => {
    const anonymous = new Redis(requiredEnv('CARECHAIN_TEST_REDIS_PLAIN_URL'), { maxRetriesPerRequest: 0, enableReadyCheck: false, retryStrategy: () => null });
    clients.push(anonymous);
    await expect(anonymous.get(`${keyPrefix('records.records')}x`)).rejects.toThrow(/NOAUTH|authentication/i);
    await expect(anonymous.call('AUTH', 'records', 'not-the-password')).rejects.toThrow(/WRONGPASS/);
    await expect(anonymous.call('AUTH', 'default', '')).rejects.toThrow(/WRONGPASS|disabled/);
  });
});
