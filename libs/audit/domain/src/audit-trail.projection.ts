// The audit trail: who did what to whose data, when. It records ids and event
// metadata only — never payloads — so it can be kept after a patient's erasure.
import {
  ACCESS_DECIDED_V1,
  ANCHORED_TOPICS,
  ConsumerGroups,
  RECORD_SHARED_V1,
  RECORD_WRITTEN_V1,
  Topics,
  type AnyEvent,
  CLAIM_SUBMITTED_V1,
} from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';
import { keyPrefix, type Projection, type ProjectionCommand } from '@carechain/read-model';
import { auditDetailsOf, type AuditDetails } from './audit-details';
import type { TrailIndex } from './audit-trail.store.port';

export const AUDIT_TRAIL = 'audit.trail';

export function auditEntryKey(eventId: string): string {
  return `${keyPrefix(AUDIT_TRAIL)}event:${eventId}`;
}

/** What kind of record a record id is (category, resource type): a claim names only the ids of the records it bills for. */
export function recordKindKey(recordId: string): string {
  return `${keyPrefix(AUDIT_TRAIL)}record:${recordId}`;
}

export interface RecordKind {
  readonly category: string;
  readonly resourceType: string;
}

export function patientTimelineKey(patientId: string): string {
  return `${keyPrefix(AUDIT_TRAIL)}patient:${patientId}`;
}

/** The sorted set (score: event time in ms, member: event id) behind each index; the organisation is escaped so no ':' in it can shift the key. */
export function trailIndexKey(index: TrailIndex): string {
  switch (index.kind) {
    case 'patient':
      return patientTimelineKey(index.patientId);
    case 'patient-organisation':
      return `${keyPrefix(AUDIT_TRAIL)}patient-org:${index.patientId}:${encodeURIComponent(index.organisation)}`;
    case 'actor':
      return `${keyPrefix(AUDIT_TRAIL)}actor:${encodeURIComponent(index.organisation)}:${index.actor}`;
    case 'disclosures':
      return `${keyPrefix(AUDIT_TRAIL)}disclosures:${index.patientId}`;
  }
}

/**
 * A disclosure candidate: a permitted read on a grant or by break-glass (the custodian's
 * own reads and the patient's are not disclosures), or a share to another
 * organisation. Whether the recipient is outside the custodian is decided on reading,
 * against the custodian of that moment (merges move custody).
 */
export function isDisclosure(event: AnyEvent): boolean {
  if (event.type === ACCESS_DECIDED_V1)
    return event.data.decision === 'permit' && (event.data.basis === 'grant' || event.data.basis === 'claim' || event.data.basis === 'break-glass');
  // Submitting a claim discloses what it bills for to the payer, for payment.
  return event.type === RECORD_SHARED_V1 || event.type === CLAIM_SUBMITTED_V1;
}

export interface AuditEntry {
  readonly eventId: string;
  readonly type: string;
  readonly subject: string | null;
  readonly actor: string | null;
  readonly actorOrganisation: string | null;
  readonly time: string;
  readonly source: { readonly topic: string; readonly partition: number; readonly offset: string };
  /** PHI-free facts of the event (a decision and its basis, a grant's scope, an erasure's reason). */
  readonly details?: AuditDetails;
}

export function toAuditEntry({ event, topic, partition, offset }: ConsumedRecord): AuditEntry {
  const details = auditDetailsOf(event);
  return {
    eventId: event.id,
    type: event.type,
    subject: event.subject ?? null,
    actor: event.actor ?? null,
    actorOrganisation: event.actororg ?? null,
    time: event.time,
    source: { topic, partition, offset },
    ...(details && { details }),
  };
}

export const auditTrailProjection: Projection = {
  name: AUDIT_TRAIL,
  // Every domain topic, and the key topic: when a patient's keys were issued and rotated
  // (versions only), and — with the tombstones left out — validated, so a malformed key
  // record lands in identity.keys.v1.dlq like any other.
  // And audit's own exports (audit.export.v1): a patient's export is in their trail.
  topics: [...ANCHORED_TOPICS, Topics.identityKeys, Topics.auditExport],
  consumerGroup: ConsumerGroups.auditTrail,
  apply(record: ConsumedRecord): ProjectionCommand[] {
    const entry = toAuditEntry(record);
    const commands: ProjectionCommand[] = [['SET', auditEntryKey(entry.eventId), JSON.stringify(entry)]];
    // Every index is scored by event time so it reads in order whatever the partition interleaving.
    const index = (i: TrailIndex) => commands.push(['ZADD', trailIndexKey(i), String(Date.parse(entry.time)), entry.eventId]);
    if (entry.subject) {
      index({ kind: 'patient', patientId: entry.subject });
      if (entry.actorOrganisation) index({ kind: 'patient-organisation', patientId: entry.subject, organisation: entry.actorOrganisation });
      if (isDisclosure(record.event)) index({ kind: 'disclosures', patientId: entry.subject });
    }
    if (record.event.type === RECORD_WRITTEN_V1) {
      const kind: RecordKind = { category: record.event.data.category, resourceType: record.event.data.resourceType };
      commands.push(['SET', recordKindKey(record.event.data.recordId), JSON.stringify(kind)]);
    }
    if (entry.actor && entry.actorOrganisation) index({ kind: 'actor', organisation: entry.actorOrganisation, actor: entry.actor });
    return commands;
  },
};
