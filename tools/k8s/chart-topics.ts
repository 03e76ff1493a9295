// The chart's topic list, generated from the one source of truth, libs/contracts'
// TOPIC_SPECS: the topics Job and the Strimzi KafkaTopics are rendered from
// helm/carechain/files/topics.json, which `npm run chart:topics` rewrites and the
// chart test checks is current.
//   tools/bootstrap/run.sh tools/k8s/chart-topics.ts [--check]
import { join } from 'node:path';
import { repoRoot } from '../devnet/lib/paths.ts';
import { TOPIC_SPECS } from '../../libs/contracts/src/topics.ts';
import { writeOrCheck } from './generated-file.ts';

export const chartTopicsFile = join(repoRoot, 'helm', 'carechain', 'files', 'topics.json');

export function renderChartTopics(): string {
  const topics = TOPIC_SPECS.map((t) => ({
    name: t.name,
    partitions: t.partitions,
    retentionMs: t.retentionMs,
    cleanupPolicy: t.cleanupPolicy,
    configs: t.configs ?? {},
    description: t.description,
  }));
  return `${JSON.stringify({ generatedFrom: 'libs/contracts/src/topics.ts', topics }, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) writeOrCheck(chartTopicsFile, renderChartTopics(), 'chart:topics');
