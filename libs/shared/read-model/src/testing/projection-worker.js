// A projection in its own process, for the SIGKILL spec: counts each event id
// it applies, in small batches so a kill lands mid-stream. Uses the built libs (dist), as a deployed service would.
'use strict';
const { createKafka, KafkaEventConsumer, KafkaEventPublisher } = require('@carechain/messaging');
const { ProjectionRunner, keyPrefix, createRedis } = require('@carechain/read-model');
const { createLogger } = require('@carechain/telemetry');
const { dataPlaneConfigShape, kafkaSecurityOf, loadConfig } = require('@carechain/config');

const [topic, name] = process.argv.slice(2);
const logger = createLogger('projection-worker', 'warn');
// Logs in the way a service does: KAFKA_SASL_* from the environment the spec passes.
const kafka = createKafka({ brokers: process.env.KAFKA_BROKERS.split(','), clientId: 'projection-worker', logger, ...kafkaSecurityOf(loadConfig(dataPlaneConfigShape)) });
const redis = createRedis(process.env.REDIS_URL, 'projection-worker');
const publisher = new KafkaEventPublisher(kafka);
const projection = {
  name,
  topics: [topic],
  consumerGroup: `it.${name}`,
  apply: ({ event }) => [['HINCRBY', `${keyPrefix(name)}seen`, event.id, '1']],
};

async function main() {
  await publisher.connect();
  const runner = new ProjectionRunner(redis, projection, new KafkaEventConsumer(kafka, { groupId: projection.consumerGroup, topics: [topic], logger, publisher, concurrency: 2, maxBatchBytes: 4096 }));
  await runner.start();
  process.once('SIGTERM', () => runner.stop().then(() => publisher.disconnect()).then(() => process.exit(0)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
