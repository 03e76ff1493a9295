// records' own copy of every patient's grants, so each read is decided in process
// with no call to the consent service: consent.grant.v1 (granted, revoked, expired)
// and patient erasure from identity.patient.v1, replayed into a GrantBook.
//
// Replays read the two topics independently, so an erasure may arrive before the
// grants it ends: erased patients are remembered, and their grants never enter.
import { GRANT_EXPIRED_V1, GRANT_GRANTED_V1, GRANT_REVOKED_V1, PATIENT_ERASED_V1, type CloudEvent, type GrantGrantedV1 } from '@carechain/contracts';
import { ConsentDecisionError, GrantBook, type Grant } from '@carechain/consent-decision';
import type { ReplicatedRecord, TopicReplicaHandler } from '@carechain/messaging';

/** Told about an event the book refused (a grant id reused with other terms, say); the replica goes on. */
export type RefusedGrantEvent = (eventId: string, error: ConsentDecisionError) => void;

export class GrantsReplica implements TopicReplicaHandler {
  readonly book = new GrantBook();
  private readonly erased = new Set<string>();

  constructor(private readonly onRefused: RefusedGrantEvent = () => undefined) {}

  apply({ event }: ReplicatedRecord): void {
    if (event === null) return;
    try {
      switch (event.type) {
        case GRANT_GRANTED_V1:
          if (!this.erased.has(event.data.patientId)) this.book.grant(grantOf(event));
          return;
        case GRANT_REVOKED_V1:
          this.book.revoke(event.data.grantId, event.data.revokedAt);
          return;
        case GRANT_EXPIRED_V1:
          this.book.expire(event.data.grantId, event.data.expiredAt);
          return;
        case PATIENT_ERASED_V1:
          for (const id of [event.data.patientId, ...event.data.alsoErased]) {
            this.erased.add(id);
            this.book.forget(id);
          }
          return;
        default:
          return;
      }
    } catch (err) {
      // One bad grant must not stop every read: without it decisions only deny more.
      if (!(err instanceof ConsentDecisionError)) throw err;
      this.onRefused(event.id, err);
    }
  }

  forPatient(patientId: string): readonly Grant[] {
    return this.book.forPatient(patientId);
  }
}

function grantOf(event: CloudEvent<typeof GRANT_GRANTED_V1, GrantGrantedV1>): Grant {
  const { grantId, patientId, grantee, categories, purposes, validFrom, validUntil, grantedBy } = event.data;
  return {
    grantId,
    patientId,
    grantee,
    categories,
    purposes,
    validFrom,
    ...(validUntil !== undefined && { validUntil }),
    grantedBy: { kind: grantedBy.kind, subject: grantedBy.subject, signed: grantedBy.signed },
    // The event's time is when consent recorded the grant.
    grantedAt: event.time,
    status: 'active',
  };
}
