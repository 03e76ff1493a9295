// A topic replica (the in-memory table every instance rebuilds) against the real
// Kafka: it resolves start() only after applying everything that was there, keeps
// following, delivers tombstones, skips a malformed record without stopping, and
// says when it has applied a given position (a write's own, or a topic's end).
import { setTimeout as sleep } from 'node:timers/promises';
import { KafkaTopicReplica, type ReplicatedRecord } from '@carechain/messaging';
import { patientEvent, privateTopic, realServers, silentLogger } from './testing/kafka-fixtures';

describe('a topic replica', () => {
  const servers = realServers();

  it('catches up before start() resolves, then follows, with tombstones and past a malformed record', async () => {
    const topic = await privateTopic(servers.kafka, 2);
    const before = Array.from({ length: 30 }, (_, i) => patientEvent(i));
    for (const e of before) await servers.publisher.publish(topic, e, { key: e.subject! });
    await servers.publisher.publishRaw(topic, { key: 'bad', value: Buffer.from('not json'), headers: {} });
    await servers.publisher.publishTombstone(topic, before[0]!.subject!);

    const seen: ReplicatedRecord[] = [];
    const replica = new KafkaTopicReplica(servers.kafka, { name: 'it.replica', topics: [topic], logger: silentLogger });
    try {
      await replica.start({ apply: (r) => void seen.push(r) });
      expect(replica.isCaughtUp()).toBe(true);
      expect(
        seen
          .filter((r) => r.event !== null)
          .map((r) => r.event!.id)
          .sort(),
      ).toEqual(before.map((e) => e.id).sort());
      expect(seen.filter((r) => r.event === null).map((r) => r.key)).toEqual([before[0]!.subject]);

      const later = patientEvent(99);
      await servers.publisher.publish(topic, later, { key: later.subject! });
      const deadline = Date.now() + 15_000;
      while (!seen.some((r) => r.event?.id === later.id) && Date.now() < deadline) await sleep(50);
      expect(seen.some((r) => r.event?.id === later.id)).toBe(true);
      expect(replica.lagMs()).toBeLessThan(15_000);

      // A write waits for the position its publish returned, and that wait ends with the apply.
      const mine = patientEvent(100);
      const position = await servers.publisher.publish(topic, mine, { key: mine.subject! });
      expect(position.topic).toBe(topic);
      await expect(replica.caughtUpTo([position], 15_000)).resolves.toBe(true);
      expect(seen.some((r) => r.event?.id === mine.id && r.partition === position.partition && r.offset === position.offset)).toBe(true);
      // Someone else's write: the topic's end as it is now.
      const theirs = patientEvent(101);
      await servers.publisher.publish(topic, theirs, { key: theirs.subject! });
      await expect(replica.caughtUpToEnd([topic], 15_000)).resolves.toBe(true);
      expect(seen.some((r) => r.event?.id === theirs.id)).toBe(true);
      await expect(replica.caughtUpTo([{ ...position, offset: String(Number(position.offset) + 1000) }], 50)).resolves.toBe(false);
    } finally {
      await replica.stop();
    }
  });

  it('is caught up at once on an empty topic', async () => {
    const topic = await privateTopic(servers.kafka, 1);
    const replica = new KafkaTopicReplica(servers.kafka, { name: 'it.replica-empty', topics: [topic], logger: silentLogger });
    try {
      await replica.start({ apply: () => undefined });
      expect(replica.isCaughtUp()).toBe(true);
    } finally {
      await replica.stop();
    }
  });
});
