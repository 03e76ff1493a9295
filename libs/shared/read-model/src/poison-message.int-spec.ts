// A poison message in a projection's topic lands in the topic's DLQ with the
// reason and its source offset, and the partition keeps moving; a record of a type the
// projection does not handle is passed over unparsed, its offset stored all the same.
import { setTimeout as sleep } from 'node:timers/promises';
import { createEvent, dlqTopic, PATIENT_ERASED_V1, PATIENT_REGISTERED_V1 } from '@carechain/contracts';
import { DlqHeaders, KafkaEventConsumer } from '@carechain/messaging';
import { dropKeys, keyPrefix, offsetsKey, ProjectionRunner } from './index';
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

  it('passes over the types it does not handle by their header, unparsed, and stores its offset past them', async () => {
    const topic = await privateTopic(servers.kafka, 1);
    const name = `it-skip-${topic.slice(3)}`;
    const erasure = (n: number) => {
      const patientId = patientEvent(n).subject!;
      const data = { patientId, reason: 'data-subject-request' as const, caseReference: `DSR-${n}`, alsoErased: [] };
      return createEvent({ type: PATIENT_ERASED_V1, source: '/it', subject: patientId, data });
    };
    const first = erasure(1);
    const last = erasure(2);
    await servers.publisher.publish(topic, first);
    await servers.publisher.publish(topic, patientEvent(3));
    // Not this projection's type: passed over, so its malformed value is not this consumer's to dead-letter.
    await servers.publisher.publishRaw(topic, { key: 'k', value: Buffer.from('not even json'), headers: { ce_type: PATIENT_REGISTERED_V1 } });
    // Claims a handled type, is another: dead-lettered.
    await servers.publisher.publishRaw(topic, { key: 'k', value: Buffer.from(JSON.stringify(patientEvent(4))), headers: { ce_type: PATIENT_ERASED_V1 } });
    await servers.publisher.publish(topic, last);
    await servers.publisher.publish(topic, patientEvent(5));

    const applied: string[] = [];
    const projection = {
      name,
      topics: [topic],
      consumerGroup: `it.${name}`,
      eventTypes: [PATIENT_ERASED_V1] as const,
      apply: ({ event }: { event: { id: string; type: string } }) => {
        applied.push(event.type);
        return [['SET', `${keyPrefix(name)}${event.id}`, '1'] as const];
      },
    };
    const runner = new ProjectionRunner(
      servers.redis,
      projection,
      new KafkaEventConsumer(servers.kafka, {
        groupId: projection.consumerGroup,
        topics: [topic],
        logger: silentLogger,
        publisher: servers.publisher,
        handledTypes: new Map([[topic, new Set<string>(projection.eventTypes)]]),
      }),
    );
    const dlq: { offset: string; reason: string }[] = [];
    const reader = servers.kafka.consumer({ groupId: `it.dlq.${name}`, maxWaitTimeInMs: 100 });
    await reader.connect();
    await reader.subscribe({ topic: dlqTopic(topic), fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const header = (h: string) => String(message.headers?.[h] ?? '');
        dlq.push({ offset: header(DlqHeaders.sourceOffset), reason: header(DlqHeaders.reason) });
      },
    });
    await runner.start();
    try {
      const deadline = Date.now() + 30_000;
      while ((await servers.redis.hget(offsetsKey(name), `${topic}:0`)) !== '5' && Date.now() < deadline) await sleep(100);
      await sleep(500);
      expect(await servers.redis.hget(offsetsKey(name), `${topic}:0`)).toBe('5');
      expect(applied).toEqual([PATIENT_ERASED_V1, PATIENT_ERASED_V1]);
      expect(await servers.redis.get(`${keyPrefix(name)}${first.id}`)).toBe('1');
      expect(await servers.redis.get(`${keyPrefix(name)}${last.id}`)).toBe('1');
      expect(dlq).toEqual([{ offset: '3', reason: expect.stringMatching(/^contract\(type_mismatch\)/) }]);
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
