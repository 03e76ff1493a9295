// Kafka's ACLs on the suite's broker, as the devnet sets them up: each service's
// principal may produce only to its own topics (and the dead letters of what it
// reads) and read only what it reads; a client without a login gets nowhere.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DATA_PLANE_ACCESS, Topics, type LocalStackFacts } from '@carechain/contracts';
import { createLogger } from '@carechain/telemetry';
import { createKafka, type KafkaSasl } from './kafka-client';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration specs through \`npm test\`, which starts Kafka with ACLs`);
  return value;
}

/** A service's own login, from the password file the devnet gave it. */
function loginOf(service: string): KafkaSasl {
  const login = (JSON.parse(env('CARECHAIN_TEST_STACK_FACTS')) as LocalStackFacts).logins[service]?.kafka;
  if (!login) throw new Error(`no Kafka login for ${service}`);
  return { mechanism: 'scram-sha-512', username: login.username, password: readFileSync(login.passwordFile, 'utf8').trim() };
}

const logger = createLogger('it', 'silent');
const kafkaAs = (sasl?: KafkaSasl) =>
  createKafka({ brokers: env('CARECHAIN_TEST_KAFKA_BROKERS').split(','), clientId: 'it-acl', logger, ...(sasl && { sasl }) });

/** A message nobody will consume as an event: the broker refuses or accepts before anything reads it. */
async function produce(sasl: KafkaSasl | undefined, topic: string): Promise<void> {
  const producer = kafkaAs(sasl).producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
  await producer.connect();
  try {
    await producer.send({ topic, messages: [{ key: randomUUID(), value: 'not an event: an ACL probe' }] });
  } finally {
    await producer.disconnect();
  }
}

/**
 * On a young cluster the first group request creates the offsets topic, and until its
 * partitions are loaded the broker answers NOT_COORDINATOR, which kafkajs' admin does
 * not retry. Only that answer is retried; any other outcome is the test's.
 */
async function whileCoordinatorLoads<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= 40 || !/not the correct coordinator|coordinator is loading/i.test((err as Error).message)) throw err;
      await sleep(250);
    }
  }
}

describe('Kafka principals and ACLs', () => {
  it('refuses a client that does not log in', async () => {
    const admin = kafkaAs(undefined).admin({ retry: { retries: 0 } });
    await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow();
    await admin.disconnect();
  });

  it('refuses a login with a wrong password', async () => {
    const admin = kafkaAs({ ...loginOf('records'), password: 'not-the-password' }).admin({ retry: { retries: 0 } });
    await expect(admin.connect()).rejects.toThrow(/SASL|authentication/i);
    await admin.disconnect();
  });

  it('does not let records produce to identity.patient.v1, or any topic it does not own', async () => {
    await expect(produce(loginOf('records'), Topics.identityPatient)).rejects.toThrow(/not authorized|authorization/i);
    await expect(produce(loginOf('records'), Topics.consentGrant)).rejects.toThrow(/not authorized|authorization/i);
    await expect(produce(loginOf('audit'), Topics.ledgerReceipt)).rejects.toThrow(/not authorized|authorization/i);
  });

  it('lets each service produce to the dead letters of what it reads (the probe lands in a DLQ, which holds evidence, not state)', async () => {
    await expect(produce(loginOf('records'), `${Topics.consentGrant}.dlq`)).resolves.toBeUndefined();
    await expect(produce(loginOf('records'), `${Topics.ledgerReceipt}.dlq`)).rejects.toThrow(/not authorized|authorization/i);
  });

  it('lets a service read only what it reads, in its own consumer groups', async () => {
    const records = kafkaAs(loginOf('records'));
    const admin = records.admin({ retry: { retries: 0 } });
    await admin.connect();
    try {
      await expect(admin.fetchTopicOffsets(Topics.identityPatient)).resolves.toHaveLength(3);
      await expect(admin.fetchTopicOffsets(Topics.ledgerReceipt)).rejects.toThrow(/not authorized|authorization/i);
      await expect(
        whileCoordinatorLoads(() =>
          admin.fetchOffsets({ groupId: `${DATA_PLANE_ACCESS.records.groupPrefix}it-${randomUUID()}`, topics: [Topics.identityPatient] }),
        ),
      ).resolves.toHaveLength(1);
      // The broker answers FindCoordinator for a group it may not use with GROUP_AUTHORIZATION_FAILED,
      // which kafkajs reports as not finding the coordinator (the same call for its own group succeeds).
      await expect(
        admin.fetchOffsets({ groupId: `${DATA_PLANE_ACCESS.identity.groupPrefix}patient-directory`, topics: [Topics.identityPatient] }),
      ).rejects.toThrow(/not authorized|authorization|group coordinator/i);
    } finally {
      await admin.disconnect();
    }
  });
});
