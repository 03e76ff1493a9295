// Creates the topics listed in @carechain/contracts (idempotently) and reads
// partition watermarks; used by the devnet, the Helm chart's init job and tests.
import { ConfigResourceTypes, type Kafka } from 'kafkajs';
import type { TopicSpec } from '@carechain/contracts';

function configEntriesOf(s: TopicSpec): { name: string; value: string }[] {
  return [
    { name: 'retention.ms', value: String(s.retentionMs) },
    { name: 'cleanup.policy', value: s.cleanupPolicy },
    ...Object.entries(s.configs ?? {}).map(([name, value]) => ({ name, value })),
  ];
}

/** Creates missing topics; existing ones get their configs (re)applied, so a changed setting reaches old deployments. */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.name,
          numPartitions: s.partitions,
          replicationFactor: -1, // the broker's default.replication.factor
          configEntries: configEntriesOf(s),
        })),
      });
    }
    const present = specs.filter((s) => existing.has(s.name));
    if (present.length > 0) {
      // AlterConfigs replaces a topic's dynamic configs as a whole: send them all.
      await admin.alterConfigs({
        validateOnly: false,
        resources: present.map((s) => ({ type: ConfigResourceTypes.TOPIC, name: s.name, configEntries: configEntriesOf(s) })),
      });
    }
    return missing.map((s) => s.name);
  } finally {
    await admin.disconnect();
  }
}

/** The earliest offset still held by each partition of a topic. */
export async function lowWatermarks(kafka: Kafka, topic: string): Promise<Map<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, o.low]));
  } finally {
    await admin.disconnect();
  }
}
