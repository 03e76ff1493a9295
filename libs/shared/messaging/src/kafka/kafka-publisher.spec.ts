// Where each publish says its record went, against a broker played in memory: the
// real partitioner (through the producer's createPartitioner) and offsets handed out
// per partition, as Kafka's produce answer gives them (the base offset of each partition's run).
import type { Kafka, Message, PartitionerArgs, ProducerConfig, RecordMetadata, TopicMessages } from 'kafkajs';
import { KafkaEventPublisher } from './kafka-publisher';

const PARTITIONS = 3;

function memoryBroker() {
  /** What the broker appended: `topic:partition` → keys in offset order. */
  const logs = new Map<string, string[]>();
  const sends: number[] = [];
  const kafka = {
    producer(config: ProducerConfig) {
      const choose = config.createPartitioner!();
      const partitionMetadata = Array.from({ length: PARTITIONS }, (_, i) => ({ partitionId: i, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
      return {
        connect: async () => undefined,
        disconnect: async () => undefined,
        async sendBatch({ topicMessages }: { topicMessages: TopicMessages[] }): Promise<RecordMetadata[]> {
          sends.push(topicMessages.reduce((n, t) => n + t.messages.length, 0));
          const bases = new Map<string, number>();
          for (const { topic, messages } of topicMessages) {
            for (const message of messages as Message[]) {
              const partition = choose({ topic, partitionMetadata, message } as PartitionerArgs);
              const log = logs.get(`${topic}:${partition}`) ?? [];
              if (!bases.has(`${topic}:${partition}`)) bases.set(`${topic}:${partition}`, log.length);
              log.push(String(message.key));
              logs.set(`${topic}:${partition}`, log);
            }
          }
          return [...bases].map(([key, base]) => {
            const [topicName, partition] = key.split(':');
            return { topicName: topicName!, partition: Number(partition), errorCode: 0, baseOffset: String(base) };
          });
        },
      };
    },
  };
  return { kafka: kafka as unknown as Kafka, logs, sends };
}

describe('KafkaEventPublisher positions', () => {
  it('resolves each publish with the partition and offset its record got, across sends', async () => {
    const { kafka, logs, sends } = memoryBroker();
    const publisher = new KafkaEventPublisher(kafka);
    await publisher.connect();
    const keys = Array.from({ length: 12 }, (_, i) => `patient-${i}`);
    const positions = await Promise.all(keys.map((key) => publisher.publishRaw('records.record.v1', { key, value: Buffer.from(key), headers: {} })));
    expect(sends.length).toBeGreaterThan(1); // the first send alone, the rest queued behind it
    positions.forEach((p, i) => {
      expect(p.topic).toBe('records.record.v1');
      expect(logs.get(`records.record.v1:${p.partition}`)![Number(p.offset)]).toBe(keys[i]);
    });
    expect(new Set(positions.map((p) => p.partition)).size).toBeGreaterThan(1);
  });

  it('gives a tombstone its position too', async () => {
    const { kafka, logs } = memoryBroker();
    const publisher = new KafkaEventPublisher(kafka);
    await publisher.connect();
    const first = await publisher.publishTombstone('identity.keys.v1', 'patient-1');
    const second = await publisher.publishTombstone('identity.keys.v1', 'patient-1');
    expect(second).toEqual({ ...first, offset: String(Number(first.offset) + 1) });
    expect(logs.get(`identity.keys.v1:${first.partition}`)).toEqual(['patient-1', 'patient-1']);
  });
});
