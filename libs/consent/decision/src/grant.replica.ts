// A service's copy of every patient's grants, fed by consent.grant.v1 (granted,
// revoked, expired) and the erasures on identity.patient.v1. consent, records and
// identity each keep one, so every decision is made in process; this is the one
// projector they share, so the copies cannot drift apart.
//
// The two topics are not ordered with respect to each other: an erasure may be
// replayed before grants (or their revocations and expiries) published earlier.
// Erased ids are remembered and everything of theirs that arrives later is dropped:
// an erased patient never has a grant here, ended or not.
//
// An event the GrantBook refuses (malformed terms, a second grant under one grantId)
// is skipped and reported: stopping would leave every decision of every patient
// waiting on one bad record, and without the grant decisions only deny more.
import { GRANT_EXPIRED_V1, GRANT_GRANTED_V1, GRANT_REVOKED_V1, isEventOf, PATIENT_ERASED_V1, type AnyEvent } from '@carechain/contracts';
import { ConsentDecisionError } from './consent-decision.error';
import type { Grant } from './grant';
import { GrantBook } from './grant-book';
import { grantOfEvent } from './grant-of-event';

export interface RejectedGrantEvent {
  readonly eventId: string;
  readonly type: string;
  readonly error: string;
}

/** What the replica applies: every other event on its topics is passed over by its type header, unparsed. */
export const GRANT_REPLICA_EVENTS = [GRANT_GRANTED_V1, GRANT_REVOKED_V1, GRANT_EXPIRED_V1, PATIENT_ERASED_V1] as const;

export class GrantReplica {
  private readonly erased = new Set<string>();
  private readonly rejectionListeners: ((rejected: RejectedGrantEvent) => void)[] = [];

  constructor(readonly book = new GrantBook()) {}

  /** A replayed record; the shape of a TopicReplicaHandler's apply, so a service can register the replica as it is. */
  apply(record: { readonly event: AnyEvent | null }): void {
    if (record.event !== null) this.applyEvent(record.event);
  }

  /** Applies one event; idempotent, so the replay may repeat what a use case already applied. */
  applyEvent(event: AnyEvent): void {
    if (!isEventOf(GRANT_REPLICA_EVENTS, event)) return;
    try {
      switch (event.type) {
        case GRANT_GRANTED_V1:
          if (!this.erased.has(event.data.patientId)) this.book.grant(grantOfEvent(event));
          return;
        case GRANT_REVOKED_V1:
          if (!this.erased.has(event.data.patientId)) this.book.revoke(event.data.grantId, event.data.revokedAt);
          return;
        case GRANT_EXPIRED_V1:
          if (!this.erased.has(event.data.patientId)) this.book.expire(event.data.grantId, event.data.expiredAt);
          return;
        case PATIENT_ERASED_V1:
          for (const patientId of [event.data.patientId, ...event.data.alsoErased]) {
            this.erased.add(patientId);
            this.book.forget(patientId);
          }
          return;
        default:
          return;
      }
    } catch (err) {
      if (!(err instanceof ConsentDecisionError)) throw err;
      const rejected = { eventId: event.id, type: event.type, error: err.message };
      for (const listener of this.rejectionListeners) listener(rejected);
    }
  }

  /** Called for each event the GrantBook refused (and the replica skipped). */
  onRejected(listener: (rejected: RejectedGrantEvent) => void): void {
    this.rejectionListeners.push(listener);
  }

  grant(grantId: string): Grant | undefined {
    return this.book.get(grantId);
  }

  /** The patient's grants in arrival order, ended ones included (frozen; no copy). */
  forPatient(patientId: string): readonly Grant[] {
    return this.book.forPatient(patientId);
  }

  /** Active grants whose validUntil has passed at `now`, earliest first. */
  dueForExpiry(now: Date): Grant[] {
    return this.book.dueForExpiry(now);
  }
}
