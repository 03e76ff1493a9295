// Creates every topic listed in @carechain/contracts (and its DLQ) on a broker, and
// the ACLs of every service's principal (DATA_PLANE_ACCESS), as the admin principal.
// Uses the built libs, so the lists have exactly one source of truth.
import { createRequire } from 'node:module';
import { repoRoot } from './lib/paths.ts';

const require = createRequire(`${repoRoot}/package.json`);

export interface KafkaLogin {
  readonly mechanism: 'scram-sha-512';
  readonly username: string;
  readonly password: string;
}

/** The devnet shreds keys within seconds (see KEYS_TOPIC_CONFIGS) so erasure can be watched, and tested, end to end. */
export function keysMaxCompactionLagMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CARECHAIN_KEYS_MAX_COMPACTION_LAG_MS ?? '3000';
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 1) throw new Error(`CARECHAIN_KEYS_MAX_COMPACTION_LAG_MS must be a positive integer (ms), got "${raw}"`);
  return ms;
}

export async function ensureTopics(brokers: readonly string[], admin: KafkaLogin, log: (m: string) => void): Promise<void> {
  const { TOPIC_SPECS, DATA_PLANE_ACCESS } = require('@carechain/contracts');
  const messaging = require('@carechain/messaging');
  const { createLogger } = require('@carechain/telemetry');
  const kafka = messaging.createKafka({ brokers, clientId: 'carechain-devnet', logger: createLogger('devnet', 'warn'), sasl: admin });
  const lag = String(keysMaxCompactionLagMs());
  const specs = TOPIC_SPECS.map((t: { name: string; configs?: Record<string, string> }) =>
    t.configs?.['max.compaction.lag.ms'] ? { ...t, configs: { ...t.configs, 'max.compaction.lag.ms': lag } } : t,
  );
  const created: string[] = await messaging.ensureTopics(kafka, specs);
  log(created.length > 0 ? `created ${created.length} topics` : `all ${TOPIC_SPECS.length} topics exist (configs applied)`);
  const acls: number = await messaging.ensureAcls(kafka, Object.values(DATA_PLANE_ACCESS));
  log(`kafka: ${acls} ACL entries for ${Object.keys(DATA_PLANE_ACCESS).length} service principals`);
}
