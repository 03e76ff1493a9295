// A burst of rebuild requests for one read model (what an operator's script, or an
// impatient click, sends): they coalesce into one replay, the model ends up exactly
// as before, and the consumer never logs that it could not position a partition.
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { KafkaEventConsumer } from '@carechain/messaging';
import type { Logger } from '@carechain/telemetry';
import { dropKeys, keyPrefix, ProjectionRunner, type Projection } from './index';
import { patientEvent, privateTopic, realServers } from './testing/kafka-fixtures';

function counting(name: string, topic: string): Projection {
  return { name, topics: [topic], consumerGroup: `it.${name}`, apply: ({ event }) => [['HINCRBY', `${keyPrefix(name)}seen`, event.id, '1']] };
}

describe('rebuild requests fired at once', () => {
  const servers = realServers();

  it('coalesce into one replay that reproduces the model, with no positioning errors logged', async () => {
    const topic = await privateTopic(servers.kafka, 3);
    const name = `it-burst-${topic.slice(3)}`;
    const events = Array.from({ length: 200 }, (_, i) => patientEvent(i));
    await Promise.all(events.map((e) => servers.publisher.publish(topic, e)));
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }) as unknown as Logger;
    const projection = counting(name, topic);
    const runner = new ProjectionRunner(
      servers.redis,
      projection,
      new KafkaEventConsumer(servers.kafka, { groupId: projection.consumerGroup, topics: [topic], logger, publisher: servers.publisher }),
    );
    const model = async (n: number) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const seen = await servers.redis.hgetall(`${keyPrefix(name)}seen`);
        if (Object.keys(seen).length >= n) return seen;
        if (Date.now() > deadline) throw new Error(`only ${Object.keys(seen).length} of ${n} events reached the model`);
        await sleep(100);
      }
    };
    try {
      await runner.start();
      const before = await model(events.length);
      const dropped = jest.spyOn(servers.redis, 'scan');
      // Three waves of concurrent requests, the later ones while the first replay is joining its group.
      const waves: Promise<void>[] = [];
      for (let wave = 0; wave < 3; wave++) {
        waves.push(...Array.from({ length: 9 }, () => runner.rebuild()));
        await sleep(wave === 0 ? 0 : 50);
      }
      await Promise.all(waves);
      const after = await model(events.length);
      await sleep(1_000); // a late duplicate would show as a count of 2
      expect(await servers.redis.hgetall(`${keyPrefix(name)}seen`)).toEqual(after);
      expect(after).toEqual(before);
      expect(Object.values(after).every((c) => c === '1')).toBe(true);
      // Each replay drops the model once (one SCAN sweep of a small model): far fewer than 27.
      expect(dropped.mock.calls.length).toBeLessThanOrEqual(3);
      dropped.mockRestore();
      expect(lines.filter((l) => l.includes('could not position partition'))).toEqual([]);
      expect(lines.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
    } finally {
      await runner.stop();
      await dropKeys(servers.redis, `${keyPrefix(name)}*`);
    }
  });
});
