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

/** A service's own logins to Kafka and Redis (its principal and password files), as the devnet gives them. */
export function dataPlaneEnvOf(service: string): Record<string, string> {
  const all = JSON.parse(testEnv('CARECHAIN_TEST_DATA_PLANE_ENV')) as Record<string, Record<string, string>>;
  const env = all[service];
  if (!env) throw new Error(`no data-plane credentials for service ${service} in CARECHAIN_TEST_DATA_PLANE_ENV`);
  return env;
}
