// The dead-letter queues during a chaos run: where each stood before it (so a
// reused suite's earlier dead letters do not count), the malformed events the runner
// publishes on purpose, and what arrived since.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { repoRoot } from '../../devnet/lib/paths.ts';

const require = createRequire(`${repoRoot}/package.json`);
const { Kafka, logLevel } = require('kafkajs');
const { Topics, dlqTopic, GRANT_GRANTED_V1, RECORD_WRITTEN_V1 } = require('@carechain/contracts');
const { DlqHeaders } = require('@carechain/messaging');

export interface DeadLetter {
  readonly topic: string;
  readonly key: string | null;
  readonly reason: string;
  readonly group: string;
}

export type Offsets = Map<string, Map<number, bigint>>;

interface KafkaAdmin {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  listTopics(): Promise<string[]>;
  fetchTopicOffsets(topic: string): Promise<{ partition: number; high: string }[]>;
}

function kafkaOf(env: NodeJS.ProcessEnv) {
  return new Kafka({
    brokers: env.CARECHAIN_TEST_KAFKA_BROKERS!.split(','),
    clientId: 'chaos',
    sasl: { mechanism: 'scram-sha-512', username: env.CARECHAIN_TEST_KAFKA_USERNAME, password: env.CARECHAIN_TEST_KAFKA_PASSWORD },
    logLevel: logLevel.NOTHING,
  });
}

async function ends(env: NodeJS.ProcessEnv, which: (topic: string) => boolean = (t) => t.endsWith('.dlq')): Promise<Offsets> {
  const admin: KafkaAdmin = kafkaOf(env).admin();
  await admin.connect();
  try {
    const out: Offsets = new Map();
    for (const topic of (await admin.listTopics()).filter(which)) {
      out.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.high)])));
    }
    return out;
  } finally {
    await admin.disconnect();
  }
}

/** Where every DLQ ends now. */
export const dlqBaseline = (env: NodeJS.ProcessEnv): Promise<Offsets> => ends(env);

/** Every domain topic's end before the run: what lies before it (e.g. the e2e suite's deliberate gaps) is not the run's. */
export const logBaseline = (env: NodeJS.ProcessEnv): Promise<Offsets> => ends(env, (t) => !t.endsWith('.dlq') && !t.startsWith('__'));

/**
 * Publishes malformed events whose type header a consumer handles (so it parses them and
 * must set them aside): a grant that is not JSON, a record event without its data.
 * Resolves with their keys and the DLQ each must reach.
 */
export async function injectMalformed(env: NodeJS.ProcessEnv, seed: number): Promise<{ key: string; dlq: string }[]> {
  const producer = kafkaOf(env).producer();
  await producer.connect();
  const injected = [
    { topic: Topics.consentGrant, type: GRANT_GRANTED_V1, value: `not json (chaos ${seed})` },
    { topic: Topics.recordsRecord, type: RECORD_WRITTEN_V1, value: JSON.stringify({ specversion: '1.0', id: randomUUID(), type: RECORD_WRITTEN_V1 }) },
  ];
  try {
    const out: { key: string; dlq: string }[] = [];
    for (const [i, m] of injected.entries()) {
      const key = `chaos-dlq-${seed}-${i}`;
      await producer.send({
        topic: m.topic,
        acks: -1,
        messages: [{ key, value: m.value, headers: { 'content-type': 'application/cloudevents+json', ce_type: m.type, ce_id: key } }],
      });
      out.push({ key, dlq: dlqTopic(m.topic) as string });
    }
    return out;
  } finally {
    await producer.disconnect();
  }
}

/** Every dead letter written after `baseline`. */
export async function deadLettersSince(env: NodeJS.ProcessEnv, baseline: Offsets): Promise<DeadLetter[]> {
  const now = await ends(env);
  const pending = new Map<string, bigint>();
  for (const [topic, partitions] of now) for (const [p, high] of partitions) if (high > (baseline.get(topic)?.get(p) ?? 0n)) pending.set(`${topic}/${p}`, high);
  const letters: DeadLetter[] = [];
  if (pending.size === 0) return letters;
  const topics = [...new Set([...pending.keys()].map((k) => k.slice(0, k.lastIndexOf('/'))))];
  const consumer = kafkaOf(env).consumer({ groupId: `chaos-dlq-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`could not read ${topics.join(', ')} to their ends`)), 30_000);
      void consumer.run({
        eachMessage: async ({
          topic,
          partition,
          message,
        }: {
          topic: string;
          partition: number;
          message: { offset: string; key: Buffer | null; headers?: Record<string, Buffer | undefined> };
        }) => {
          const offset = BigInt(message.offset);
          if (offset >= (baseline.get(topic)?.get(partition) ?? 0n)) {
            const header = (name: string) => message.headers?.[name]?.toString('utf8') ?? '';
            letters.push({ topic, key: message.key?.toString('utf8') ?? null, reason: header(DlqHeaders.reason), group: header(DlqHeaders.consumerGroup) });
          }
          const id = `${topic}/${partition}`;
          if (offset + 1n >= (pending.get(id) ?? 0n)) pending.delete(id);
          if (pending.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return letters;
}
