// The audit trail: who did what to whose data, when. It records ids and event
// metadata only — never payloads — so it can be kept after a patient's erasure.
import { ANCHORED_TOPICS, ConsumerGroups, Topics } from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';
import { keyPrefix, type Projection, type ProjectionCommand } from '@carechain/read-model';
import { auditDetailsOf, type AuditDetails } from './audit-details';

export const AUDIT_TRAIL = 'audit.trail';

export function auditEntryKey(eventId: string): string {
  return `${keyPrefix(AUDIT_TRAIL)}event:${eventId}`;
}

export function patientTimelineKey(patientId: string): string {
  return `${keyPrefix(AUDIT_TRAIL)}patient:${patientId}`;
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
  topics: [...ANCHORED_TOPICS, Topics.identityKeys],
  consumerGroup: ConsumerGroups.auditTrail,
  apply(record: ConsumedRecord): ProjectionCommand[] {
    const entry = toAuditEntry(record);
    const commands: ProjectionCommand[] = [['SET', auditEntryKey(entry.eventId), JSON.stringify(entry)]];
    if (entry.subject) {
      // Scored by event time so a patient's timeline reads in order whatever the partition interleaving.
      commands.push(['ZADD', patientTimelineKey(entry.subject), String(Date.parse(entry.time)), entry.eventId]);
    }
    return commands;
  },
};
