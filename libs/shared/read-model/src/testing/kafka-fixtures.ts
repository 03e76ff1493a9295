// Fixtures for integration specs against the real Kafka and Redis of `npm test`:
// a private topic (and its DLQ) per spec, and valid events to fill it with.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { Redis } from 'ioredis';
import { createEvent, dlqTopic, encodeEvent, PATIENT_REGISTERED_V1, type CloudEvent } from '@carechain/contracts';
import { createKafka, ensureTopics, KafkaEventPublisher, type KafkaSasl } from '@carechain/messaging';
import { createLogger } from '@carechain/telemetry';

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration specs through \`npm test\`, which starts Redis and Kafka`);
  return value;
}

export const silentLogger = createLogger('it', 'silent');

/** The suite's admin principal: integration specs create their own topics and groups. */
export function testKafkaLogin(): KafkaSasl {
  return { mechanism: 'scram-sha-512', username: requiredEnv('CARECHAIN_TEST_KAFKA_USERNAME'), password: requiredEnv('CARECHAIN_TEST_KAFKA_PASSWORD') };
}

export function testKafka(sasl: KafkaSasl | undefined = testKafkaLogin()): Kafka {
  return createKafka({ brokers: requiredEnv('CARECHAIN_TEST_KAFKA_BROKERS').split(','), clientId: 'it', logger: silentLogger, ...(sasl && { sasl }) });
}

/** The suite's Redis as its admin user (the URL carries the credentials). */
export function testRedis(): Redis {
  return new Redis(requiredEnv('CARECHAIN_TEST_REDIS_URL'), { maxRetriesPerRequest: 2 });
}

export async function privateTopic(kafka: Kafka, partitions = 1): Promise<string> {
  const topic = `it.${randomUUID().slice(0, 8)}`;
  const spec = { partitions, retentionMs: -1, cleanupPolicy: 'delete' as const, description: 'integration test' };
  await ensureTopics(kafka, [
    { name: topic, ...spec },
    { name: dlqTopic(topic), ...spec },
  ]);
  return topic;
}

export function patientEvent(n: number): CloudEvent {
  const patientId = randomUUID();
  return createEvent({
    type: PATIENT_REGISTERED_V1,
    source: '/it',
    subject: patientId,
    data: {
      patientId,
      custodian: 'hospital-a',
      demographics: { name: { given: [`G${n}`], family: `F${n}` }, birthDate: '1970-01-01', gender: 'unknown', telecom: [], address: [] },
      identifiers: [{ system: 'urn:it', value: String(n) }],
    },
  });
}

export async function connectedPublisher(kafka: Kafka): Promise<KafkaEventPublisher> {
  const publisher = new KafkaEventPublisher(kafka);
  await publisher.connect();
  return publisher;
}

export { encodeEvent };

export interface RealServers {
  kafka: Kafka;
  redis: Redis;
  publisher: KafkaEventPublisher;
}

/** Connects to the suite's Kafka and Redis for a describe block, and lets go after it. */
export function realServers(): RealServers {
  const servers = {} as RealServers;
  beforeAll(async () => {
    servers.kafka = testKafka();
    servers.redis = testRedis();
    servers.publisher = await connectedPublisher(servers.kafka);
  });
  afterAll(async () => {
    await servers.publisher.disconnect();
    servers.redis.disconnect();
  });
  return servers;
}
