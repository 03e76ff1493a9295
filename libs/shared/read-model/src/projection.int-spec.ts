// Produce → projection → Redis against the real servers: resume from stored
// offsets, a write waiting for its own position, exactly-once effect across a
// SIGKILL, rebuild reproducing the model.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { KafkaEventConsumer } from '@carechain/messaging';
import { dropKeys, keyPrefix, offsetsKey, ProjectionRunner, type Projection } from './index';
import { patientEvent, privateTopic, realServers, requiredEnv, silentLogger } from './testing/kafka-fixtures';

function counting(name: string, topic: string): Projection {
  return {
    name,
    topics: [topic],
    consumerGroup: `it.${name}`,
    apply: ({ event }) => [
      ['HINCRBY', `${keyPrefix(name)}seen`, event.id, '1'],
      ['SET', `${keyPrefix(name)}last:${event.subject}`, event.id],
    ],
  };
}

async function snapshot(redis: Redis, name: string): Promise<Record<string, string>> {
  return redis.hgetall(`${keyPrefix(name)}seen`);
}

async function waitForCount(redis: Redis, name: string, n: number, timeoutMs = 60_000): Promise<Record<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await snapshot(redis, name);
    if (Object.keys(seen).length >= n) return seen;
    if (Date.now() > deadline) throw new Error(`only ${Object.keys(seen).length} of ${n} events reached the model`);
    await sleep(100);
  }
}

describe('projections on real Kafka and Redis', () => {
  const servers = realServers();

  it('applies every produced event once, stores offsets beside the model, and rebuilds the same model', async () => {
    const topic = await privateTopic(servers.kafka, 3);
    const name = `it-model-${topic.slice(3)}`;
    const events = Array.from({ length: 300 }, (_, i) => patientEvent(i));
    await Promise.all(events.map((e) => servers.publisher.publish(topic, e)));

    const projection = counting(name, topic);
    const runner = new ProjectionRunner(
      servers.redis,
      projection,
      new KafkaEventConsumer(servers.kafka, { groupId: projection.consumerGroup, topics: [topic], logger: silentLogger, publisher: servers.publisher }),
    );
    await runner.start();
    const first = await waitForCount(servers.redis, name, events.length);
    expect(Object.values(first).every((c) => c === '1')).toBe(true);
    const offsets = await servers.redis.hgetall(offsetsKey(name));
    expect(Object.keys(offsets).sort()).toEqual([`${topic}:0`, `${topic}:1`, `${topic}:2`]);

    // A write that must see itself: the wait on its position ends once the model holds it.
    const mine = patientEvent(1000);
    const position = await servers.publisher.publish(topic, mine);
    await expect(runner.caughtUpTo([position], 15_000)).resolves.toBe(true);
    expect(await servers.redis.hget(`${keyPrefix(name)}seen`, mine.id)).toBe('1');
    await expect(runner.caughtUpTo([{ ...position, offset: String(Number(position.offset) + 1000) }], 50)).resolves.toBe(false);
    const applied = await snapshot(servers.redis, name);
    const appliedOffsets = await servers.redis.hgetall(offsetsKey(name));

    await runner.rebuild();
    const rebuilt = await waitForCount(servers.redis, name, events.length + 1);
    await sleep(500);
    expect(await snapshot(servers.redis, name)).toEqual(rebuilt);
    expect(rebuilt).toEqual(applied);
    expect(await servers.redis.hgetall(offsetsKey(name))).toEqual(appliedOffsets);
    await runner.stop();
    await dropKeys(servers.redis, `${keyPrefix(name)}*`);
  });

  it('holds every event exactly once after the projecting process is SIGKILLed mid-stream and restarted', async () => {
    const topic = await privateTopic(servers.kafka, 2);
    const name = `it-kill-${topic.slice(3)}`;
    const total = 3000;
    const events = Array.from({ length: total }, (_, i) => patientEvent(i));
    await Promise.all(events.map((e) => servers.publisher.publish(topic, e)));

    const worker = () =>
      spawn(process.execPath, [join(__dirname, 'testing', 'projection-worker.js'), topic, name], {
        env: { ...process.env, KAFKA_BROKERS: requiredEnv('CARECHAIN_TEST_KAFKA_BROKERS'), REDIS_URL: requiredEnv('CARECHAIN_TEST_REDIS_URL') },
        stdio: 'inherit',
      });
    const first = worker();
    // Kill it once it is part-way through: some events applied, many not.
    const deadline = Date.now() + 60_000;
    while (Object.keys(await snapshot(servers.redis, name)).length < 200) {
      if (Date.now() > deadline) throw new Error('worker made no progress');
      await sleep(20);
    }
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const partial = Object.keys(await snapshot(servers.redis, name)).length;
    expect(partial).toBeLessThan(total);

    const second = worker();
    try {
      const seen = await waitForCount(servers.redis, name, total);
      await sleep(1000);
      const final = await snapshot(servers.redis, name);
      expect(Object.keys(final)).toHaveLength(total);
      expect(Object.entries(final).filter(([, c]) => c !== '1')).toEqual([]);
      expect(new Set(Object.keys(seen))).toEqual(new Set(events.map((e) => e.id)));
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
      await dropKeys(servers.redis, `${keyPrefix(name)}*`);
    }
  });
});
