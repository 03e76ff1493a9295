// A read model survives Redis being killed: what a projection wrote in one
// transaction (its change and its offset, MULTI/EXEC) is replayed from the AOF on
// restart. Found by the chaos runner (tools/chaos): with the devnet's ACLs the AOF's
// transactions were refused on load and every read model lost them.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LocalStackFacts } from '@carechain/contracts';
import { createRedis } from './redis-client';
import { keyPrefix } from './projection';
import { requiredEnv, testRedis } from './testing/kafka-fixtures';

function loginOf(service: string): { username: string; password: string } {
  const login = (JSON.parse(requiredEnv('CARECHAIN_TEST_STACK_FACTS')) as LocalStackFacts).logins[service]?.redis;
  if (!login) throw new Error(`no Redis login for ${service}`);
  return { username: login.username, password: readFileSync(login.passwordFile, 'utf8').trim() };
}

describe('Redis killed and restarted', () => {
  it('keeps what a service wrote in a transaction before the kill', async () => {
    const key = `${keyPrefix('identity.patients')}it:${randomUUID()}`;
    const identity = createRedis(requiredEnv('CARECHAIN_TEST_REDIS_PLAIN_URL'), 'it-aof', loginOf('identity'));
    try {
      await identity.multi().set(`${key}:value`, 'applied').set(`${key}:offset`, '41').exec();
      await identity.set(`${key}:plain`, 'outside a transaction');
    } finally {
      identity.disconnect();
    }
    // appendfsync everysec: give the AOF its second before SIGKILL.
    await sleep(1_500);
    const res = await fetch(`${requiredEnv('CARECHAIN_TEST_CONTROL_URL')}/redis/crash`, { method: 'POST' });
    expect(res.status).toBe(200);
    const admin = testRedis();
    try {
      expect(await admin.mget(`${key}:value`, `${key}:offset`, `${key}:plain`)).toEqual(['applied', '41', 'outside a transaction']);
      await admin.unlink(`${key}:value`, `${key}:offset`, `${key}:plain`);
    } finally {
      admin.disconnect();
    }
  });
});
