// Creates every topic listed in @carechain/contracts (and its DLQ) on a broker.
// Uses the built libs, so the list has exactly one source of truth.
import { createRequire } from 'node:module';
import { repoRoot } from './lib/paths.ts';

const require = createRequire(`${repoRoot}/package.json`);

export async function ensureTopics(brokers: readonly string[], log: (m: string) => void): Promise<void> {
  const { TOPIC_SPECS } = require('@carechain/contracts');
  const messaging = require('@carechain/messaging');
  const { createLogger } = require('@carechain/telemetry');
  const kafka = messaging.createKafka({ brokers, clientId: 'carechain-devnet', logger: createLogger('devnet', 'warn') });
  const created: string[] = await messaging.ensureTopics(kafka, TOPIC_SPECS);
  log(created.length > 0 ? `created ${created.length} topics` : `all ${TOPIC_SPECS.length} topics exist`);
}
