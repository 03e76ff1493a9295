// A poison message in a projection's topic lands in the topic's DLQ with the
// reason and its source offset, and the partition keeps moving.
import { setTimeout as sleep } from 'node:timers/promises';
import { dlqTopic } from '@carechain/contracts';
import { DlqHeaders, KafkaEventConsumer } from '@carechain/messaging';
import { dropKeys, keyPrefix, ProjectionRunner } from './index';
import { patientEvent, privateTopic, realServers, silentLogger } from './testing/kafka-fixtures';

describe('a poison message', () => {
  const servers = realServers();

  it('goes to the DLQ with the reason while the events after it are applied', async () => {
    const topic = await privateTopic(servers.kafka, 1);
    const name = `it-poison-${topic.slice(3)}`;
    const before = patientEvent(1);
    const after = patientEvent(2);
    await servers.publisher.publish(topic, before);
    await servers.publisher.publishRaw(topic, { key: 'k', value: Buffer.from('{"this is": "not a cloud event"}'), headers: {} });
    await servers.publisher.publishRaw(topic, { key: 'k', value: Buffer.from('not even json'), headers: {} });
    await servers.publisher.publish(topic, after);

    const projection = {
      name,
      topics: [topic],
      consumerGroup: `it.${name}`,
      apply: ({ event }: { event: { id: string } }) => [['SET', `${keyPrefix(name)}${event.id}`, '1'] as const],
    };
    const runner = new ProjectionRunner(
      servers.redis,
      projection,
      new KafkaEventConsumer(servers.kafka, { groupId: projection.consumerGroup, topics: [topic], logger: silentLogger, publisher: servers.publisher }),
    );
    await runner.start();

    const dlq: { offset: string; headers: Record<string, string>; value: string }[] = [];
    const reader = servers.kafka.consumer({ groupId: `it.dlq.${name}`, maxWaitTimeInMs: 100 });
    await reader.connect();
    await reader.subscribe({ topic: dlqTopic(topic), fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        dlq.push({ offset: message.offset, headers, value: message.value?.toString() ?? '' });
      },
    });
    try {
      const deadline = Date.now() + 30_000;
      while ((dlq.length < 2 || (await servers.redis.get(`${keyPrefix(name)}${after.id}`)) === null) && Date.now() < deadline) await sleep(100);
      expect(await servers.redis.get(`${keyPrefix(name)}${before.id}`)).toBe('1');
      expect(await servers.redis.get(`${keyPrefix(name)}${after.id}`)).toBe('1');
      expect(dlq).toHaveLength(2);
      expect(dlq.map((d) => d.headers[DlqHeaders.sourceOffset])).toEqual(['1', '2']);
      expect(dlq[0]!.headers[DlqHeaders.reason]).toMatch(/^contract\(bad_envelope\)/);
      expect(dlq[1]!.headers[DlqHeaders.reason]).toMatch(/^contract\(not_json\)/);
      expect(dlq[1]!.value).toBe('not even json');
      expect(dlq[0]!.headers[DlqHeaders.sourceTopic]).toBe(topic);
    } finally {
      await reader.disconnect();
      await runner.stop();
      await dropKeys(servers.redis, `${keyPrefix(name)}*`);
    }
  });

  it('passes over a tombstone on a compacted topic, but dead-letters a null value elsewhere', async () => {
    const compactedTopic = await privateTopic(servers.kafka, 1);
    const plainTopic = await privateTopic(servers.kafka, 1);
    const name = `it-tombstone-${compactedTopic.slice(3)}`;
    const after = patientEvent(3);
    for (const topic of [compactedTopic, plainTopic]) await servers.publisher.publishTombstone(topic, 'k');
    await servers.publisher.publish(compactedTopic, after);

    const projection = {
      name,
      topics: [compactedTopic, plainTopic],
      consumerGroup: `it.${name}`,
      apply: ({ event }: { event: { id: string } }) => [['SET', `${keyPrefix(name)}${event.id}`, '1'] as const],
    };
    const consumer = new KafkaEventConsumer(servers.kafka, {
      groupId: projection.consumerGroup,
      topics: projection.topics,
      logger: silentLogger,
      publisher: servers.publisher,
      tombstoneTopics: [compactedTopic],
    });
    const runner = new ProjectionRunner(servers.redis, projection, consumer);
    await runner.start();
    const dead: string[] = [];
    const reader = servers.kafka.consumer({ groupId: `it.dlq.${name}`, maxWaitTimeInMs: 100 });
    await reader.connect();
    await reader.subscribe({ topics: [dlqTopic(compactedTopic), dlqTopic(plainTopic)], fromBeginning: true });
    await reader.run({ eachMessage: async ({ topic }) => void dead.push(topic) });
    try {
      const deadline = Date.now() + 30_000;
      while ((dead.length < 1 || (await servers.redis.get(`${keyPrefix(name)}${after.id}`)) === null) && Date.now() < deadline) await sleep(100);
      await sleep(500);
      expect(await servers.redis.get(`${keyPrefix(name)}${after.id}`)).toBe('1');
      expect(dead).toEqual([dlqTopic(plainTopic)]);
    } finally {
      await reader.disconnect();
      await runner.stop();
      await dropKeys(servers.redis, `${keyPrefix(name)}*`);
    }
  });
});
