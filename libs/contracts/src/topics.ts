// Every Kafka topic carechain owns, with the settings the devnet and the Helm
// chart create it with. Handlers import these constants; no topic string is
// written anywhere else.

export const Topics = {
  identityPatient: 'identity.patient.v1',
  identityKeys: 'identity.keys.v1',
  identityAccess: 'identity.access.v1',
  consentGrant: 'consent.grant.v1',
  recordsRecord: 'records.record.v1',
  recordsAccess: 'records.access.v1',
  claimsClaim: 'claims.claim.v1',
  ledgerReceipt: 'ledger.receipt.v1',
  ledgerClaim: 'ledger.claim.v1',
  auditAlert: 'audit.alert.v1',
  auditExport: 'audit.export.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** -1 keeps records forever: domain topics are the log of truth that read models replay. */
  readonly retentionMs: number;
  readonly cleanupPolicy: 'delete' | 'compact';
  readonly description: string;
  /** Further topic configs (Kafka's names), e.g. how soon compaction must happen. */
  readonly configs?: Readonly<Record<string, string>>;
}

const FOREVER = -1;
// Dead letters are evidence for an operator, not state: a month is long enough to be noticed.
const DLQ_RETENTION_MS = 30 * 24 * 3600 * 1000;
// Three partitions: per-patient ordering comes from the key; three lets a second
// replica of a consumer share the work without over-partitioning a 2-core devnet.
const DOMAIN_PARTITIONS = 3;

/**
 * Crypto-shredding is only as quick as compaction: until the log cleaner has run, the
 * wrapped keys a tombstone superseded are still in the log. max.compaction.lag.ms
 * bounds that (it also rolls the active segment, which is never cleaned); the
 * tombstone itself stays a day so every replica sees it. Deployments may lower it.
 */
export const KEYS_TOPIC_CONFIGS: Readonly<Record<string, string>> = {
  'max.compaction.lag.ms': String(15 * 60 * 1000),
  'min.cleanable.dirty.ratio': '0.01',
  'delete.retention.ms': String(24 * 3600 * 1000),
};

export function dlqTopic(topic: string): string {
  return `${topic}.dlq`;
}

const domain: readonly TopicSpec[] = [
  {
    name: Topics.identityPatient,
    partitions: DOMAIN_PARTITIONS,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    description: 'Patient registrations, links, merges and erasures, keyed by patient id.',
  },
  {
    name: Topics.identityKeys,
    partitions: DOMAIN_PARTITIONS,
    retentionMs: FOREVER,
    cleanupPolicy: 'compact',
    description: 'Wrapped per-patient data keys and commitment salts; a tombstone shreds them.',
    configs: KEYS_TOPIC_CONFIGS,
  },
  {
    name: Topics.identityAccess,
    partitions: DOMAIN_PARTITIONS,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    description: "Every read of a patient's demographics, permitted or denied, keyed by patient id.",
  },
  {
    name: Topics.consentGrant,
    partitions: DOMAIN_PARTITIONS,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    description: 'Consent grants, revocations and expiries, keyed by patient id.',
  },
  {
    name: Topics.recordsRecord,
    partitions: DOMAIN_PARTITIONS,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    description: 'Encrypted clinical record versions, keyed by patient id.',
  },
  {
    name: Topics.recordsAccess,
    partitions: DOMAIN_PARTITIONS,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    description: 'Every read of a record, permitted or denied, keyed by patient id.',
  },
  {
    name: Topics.claimsClaim,
    partitions: DOMAIN_PARTITIONS,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    description: 'Coverages and the insurance claim lifecycle, keyed by patient id.',
  },
  {
    name: Topics.ledgerReceipt,
    partitions: DOMAIN_PARTITIONS,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    description: 'Ledger receipts: one per anchored batch (its events and leaves, from which each inclusion proof is derived); earlier, one per event.',
  },
  {
    name: Topics.ledgerClaim,
    partitions: DOMAIN_PARTITIONS,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    description: "The ClaimContract's verdict on each claim transition (accepted, or refused with its code), keyed by patient id.",
  },
  {
    name: Topics.auditAlert,
    partitions: DOMAIN_PARTITIONS,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    description: 'Access alerts raised by audit (break-glass, many patients, restricted patients, repeated denials), keyed by the acting organisation.',
  },
  {
    name: Topics.auditExport,
    partitions: DOMAIN_PARTITIONS,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    description: "Patients' exports delivered (right of access): which export, who asked, how many resources of each type; keyed by patient id.",
  },
];

/** All topics to create: each domain topic and its dead-letter topic. */
export const TOPIC_SPECS: readonly TopicSpec[] = domain.flatMap((t) => [
  t,
  {
    name: dlqTopic(t.name),
    partitions: 1,
    retentionMs: DLQ_RETENTION_MS,
    cleanupPolicy: 'delete' as const,
    description: `Messages of ${t.name} that failed validation or processing, with the reason.`,
  },
]);

/** Topics ledger-writer anchors by default: every domain topic except its own receipts and the key topic (keys are shredded, not anchored). */
export const ANCHORED_TOPICS: readonly string[] = [
  Topics.identityPatient,
  Topics.identityAccess,
  Topics.consentGrant,
  Topics.recordsRecord,
  Topics.recordsAccess,
  Topics.claimsClaim,
];
