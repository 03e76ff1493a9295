import type { LocalStackFacts } from '@carechain/contracts';

// What tools/test/run.ts hands the end-to-end specs: its private infrastructure.
export function testEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run end-to-end specs through \`npm test\` (tools/test/run.ts), which starts the test infrastructure`);
  return value;
}

/** The suite's Kafka as its admin principal (specs read any topic and create their own groups). */
export function testKafkaConfig(clientId: string): {
  brokers: string[];
  clientId: string;
  sasl: { mechanism: 'scram-sha-512'; username: string; password: string };
} {
  return {
    brokers: testEnv('CARECHAIN_TEST_KAFKA_BROKERS').split(','),
    clientId,
    sasl: { mechanism: 'scram-sha-512', username: testEnv('CARECHAIN_TEST_KAFKA_USERNAME'), password: testEnv('CARECHAIN_TEST_KAFKA_PASSWORD') },
  };
}

/** What the suite's stack offers a service (libs/contracts' localEnvironment builds each one's environment from it). */
export function testStackFacts(): LocalStackFacts {
  return JSON.parse(testEnv('CARECHAIN_TEST_STACK_FACTS')) as LocalStackFacts;
}
