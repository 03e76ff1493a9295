// A poison message in a projection's topic lands in the topic's DLQ with the
// reason and its source offset, and the partition keeps moving.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kafka } from 'kafkajs';
import type { Redis } from 'ioredis';
import { dlqTopic } from '@carechain/contracts';
import { DlqHeaders, KafkaEventConsumer, type KafkaEventPublisher } from '@carechain/messaging';
import { dropKeys, keyPrefix, ProjectionRunner } from './index';
import { connectedPublisher, patientEvent, privateTopic, silentLogger, testKafka, testRedis } from './testing/kafka-fixtures';

describe('a poison message', () => {
  let kafka: Kafka;
  let redis: Redis;
  let publisher: KafkaEventPublisher;

  beforeAll(async () => {
    kafka = testKafka();
    redis = testRedis();
    publisher = await connectedPublisher(kafka);
  });

  afterAll(async () => {
    await publisher.disconnect();
    redis.disconnect();
  });

  it('goes to the DLQ with the reason while the events after it are applied', async () => {
    const topic = await privateTopic(kafka, 1);
    const name = `it-poison-${topic.slice(3)}`;
    const before = patientEvent(1);
    const after = patientEvent(2);
    await publisher.publish(topic, before);
    await publisher.publishRaw(topic, { key: 'k', value: Buffer.from('{"this is": "not a cloud event"}'), headers: {} });
    await publisher.publishRaw(topic, { key: 'k', value: Buffer.from('not even json'), headers: {} });
    await publisher.publish(topic, after);

    const projection = { name, topics: [topic], consumerGroup: `it.${name}`, apply: ({ event }: { event: { id: string } }) => [['SET', `${keyPrefix(name)}${event.id}`, '1'] as const] };
    const runner = new ProjectionRunner(redis, projection, new KafkaEventConsumer(kafka, { groupId: projection.consumerGroup, topics: [topic], logger: silentLogger, publisher }));
    await runner.start();

    const dlq: { offset: string; headers: Record<string, string>; value: string }[] = [];
    const reader = kafka.consumer({ groupId: `it.dlq.${name}`, maxWaitTimeInMs: 100 });
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
      while ((dlq.length < 2 || (await redis.get(`${keyPrefix(name)}${after.id}`)) === null) && Date.now() < deadline) await sleep(100);
      expect(await redis.get(`${keyPrefix(name)}${before.id}`)).toBe('1');
      expect(await redis.get(`${keyPrefix(name)}${after.id}`)).toBe('1');
      expect(dlq).toHaveLength(2);
      expect(dlq.map((d) => d.headers[DlqHeaders.sourceOffset])).toEqual(['1', '2']);
      expect(dlq[0]!.headers[DlqHeaders.reason]).toMatch(/^contract\(bad_envelope\)/);
      expect(dlq[1]!.headers[DlqHeaders.reason]).toMatch(/^contract\(not_json\)/);
      expect(dlq[1]!.value).toBe('not even json');
      expect(dlq[0]!.headers[DlqHeaders.sourceTopic]).toBe(topic);
    } finally {
      await reader.disconnect();
      await runner.stop();
      await dropKeys(redis, `${keyPrefix(name)}*`);
    }
  });
});
