// What each service may do on the data plane, in one table: the Kafka topics it
// owns (and so may produce), the topics it reads, the consumer groups it may join,
// and the Redis keys it may touch. The devnet and the test infrastructure derive
// Kafka ACLs and Redis ACL users from it; the Helm chart's init job should too.
import { dlqTopic, Topics, ANCHORED_TOPICS } from './topics';

export interface DataPlaneAccess {
  /** The Kafka (SCRAM) principal and the Redis ACL user. */
  readonly principal: string;
  /** Topic-name prefixes it owns: it may produce to every topic under them (its DLQs included). */
  readonly ownsTopicPrefixes: readonly string[];
  /** Topics it consumes; it may also produce to their dead-letter topics. */
  readonly reads: readonly string[];
  /** Consumer-group prefix: its projections, processors and replicas all join groups named under it. */
  readonly groupPrefix: string;
  /** Redis key patterns (ACL `~` globs): its read models (`rm:<service>.…`) and its own state. */
  readonly redisKeys: readonly string[];
}

function access(principal: string, domain: string, reads: readonly string[]): DataPlaneAccess {
  return {
    principal,
    ownsTopicPrefixes: domain ? [`${domain}.`] : [],
    reads,
    groupPrefix: `carechain.${principal}.`,
    redisKeys: [`rm:${principal}.*`, `${principal}:*`],
  };
}

/** Keyed by service name (apps/<name>). */
export const DATA_PLANE_ACCESS = {
  identity: access('identity', 'identity', [Topics.identityPatient, Topics.identityKeys, Topics.consentGrant]),
  consent: access('consent', 'consent', [Topics.identityPatient, Topics.consentGrant]),
  // records also reads claims.claim.v1: a claim discloses the records it bills for to its payer.
  records: access('records', 'records', [Topics.identityPatient, Topics.identityKeys, Topics.consentGrant, Topics.recordsRecord, Topics.claimsClaim]),
  // claims reads ledger.claim.v1: the ClaimContract's verdicts on the claims it submitted.
  claims: access('claims', 'claims', [
    Topics.identityPatient,
    Topics.identityKeys,
    Topics.consentGrant,
    Topics.recordsRecord,
    Topics.claimsClaim,
    Topics.ledgerClaim,
  ]),
  'ledger-writer': access('ledger-writer', 'ledger', [...ANCHORED_TOPICS, Topics.identityKeys]),
  // Audit owns its alerts topic (audit.alert.v1); of what it reads it writes only the dead letters.
  // It reads its own exports topic back into the trail (audit.export.v1).
  audit: access('audit', 'audit', [...ANCHORED_TOPICS, Topics.identityKeys, Topics.ledgerReceipt, Topics.auditExport]),
} as const satisfies Record<string, DataPlaneAccess>;

export type DataPlaneService = keyof typeof DATA_PLANE_ACCESS;

/** Every topic `a` may produce to that is not under its own prefixes: the dead letters of what it reads. */
export function deadLettersOf(a: DataPlaneAccess): string[] {
  return a.reads.map(dlqTopic).filter((t) => !a.ownsTopicPrefixes.some((p) => t.startsWith(p)));
}
