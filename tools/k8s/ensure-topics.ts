// The Helm chart's pre-install/pre-upgrade topics Job runs this inside a service image
// (docker/Dockerfile copies it to /app/tools/k8s): it creates every topic of the
// chart's topics.json (rendered from libs/contracts' TOPIC_SPECS) that is missing and
// re-applies the configs of those that exist, so running it again changes nothing.
//   KAFKA_BROKERS=a:9092,b:9092 node tools/k8s/ensure-topics.ts /topics/topics.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface TopicEntry {
  name: string;
  partitions: number;
  retentionMs: number;
  cleanupPolicy: 'delete' | 'compact';
  configs: Record<string, string>;
  description: string;
}

/** The topics of a topics.json, or an error naming what is wrong with it. */
export function parseTopicsFile(text: string, source: string): TopicEntry[] {
  const doc = JSON.parse(text) as { topics?: unknown };
  if (!Array.isArray(doc.topics) || doc.topics.length === 0) throw new Error(`${source}: "topics" must be a non-empty list`);
  return doc.topics.map((t: Partial<TopicEntry>, i: number) => {
    const where = `${source}: topics[${i}]`;
    if (typeof t.name !== 'string' || !/^[a-z0-9._-]{1,249}$/.test(t.name)) throw new Error(`${where}.name must be a Kafka topic name`);
    if (!Number.isInteger(t.partitions) || (t.partitions as number) < 1) throw new Error(`${where}.partitions must be a positive integer`);
    if (!Number.isInteger(t.retentionMs) || (t.retentionMs as number) < -1) throw new Error(`${where}.retentionMs must be -1 or a number of ms`);
    if (t.cleanupPolicy !== 'delete' && t.cleanupPolicy !== 'compact') throw new Error(`${where}.cleanupPolicy must be delete or compact`);
    return {
      name: t.name,
      partitions: t.partitions!,
      retentionMs: t.retentionMs!,
      cleanupPolicy: t.cleanupPolicy,
      configs: t.configs ?? {},
      description: t.description ?? '',
    };
  });
}

async function main(file: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: ensure-topics.ts <topics.json>');
  const brokers = (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is required (comma-separated host:port)');
  const topics = parseTopicsFile(readFileSync(file, 'utf8'), file);
  const { createKafka, ensureAcls, ensureTopics } = require('@carechain/messaging');
  const { createLogger } = require('@carechain/telemetry');
  const { dataPlaneConfigShape, kafkaSecurityOf, loadConfig } = require('@carechain/config');
  const { DATA_PLANE_ACCESS } = require('@carechain/contracts');
  const logger = createLogger('topics-job', process.env.LOG_LEVEL ?? 'info');
  // The Job logs in as the cluster's admin principal when SASL is on (the chart's KAFKA_SASL_* settings).
  const security = kafkaSecurityOf(loadConfig(dataPlaneConfigShape));
  const kafka = createKafka({ brokers, clientId: 'carechain-topics-job', logger, ...security });
  const created: string[] = await ensureTopics(kafka, topics);
  logger.info({ created: created.length, reconciled: topics.length - created.length }, 'topics ensured');
  if (security.sasl) {
    // Each service's principal may produce, consume and join only what libs/contracts' DATA_PLANE_ACCESS says.
    const entries: number = await ensureAcls(kafka, Object.values(DATA_PLANE_ACCESS));
    logger.info({ entries }, 'ACLs ensured');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2]).catch((err: Error) => {
    process.stderr.write(`topics job: ${err.message}\n`);
    process.exit(1);
  });
}
