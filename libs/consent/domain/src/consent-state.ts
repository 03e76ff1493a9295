// What the consent service decides and authorises from, in memory: the patient
// registry (custodians, erasures, signing keys) and the GrantBook, rebuilt in every
// instance by replaying identity.patient.v1 and consent.grant.v1 from the beginning
// (one TopicReplica over both topics), and written through by the use cases right
// after Kafka acknowledged their events, so a decision made a moment later sees them.
//
// The two topics are not ordered with respect to each other: a patient's erasure may
// be replayed before grants published earlier. Erased ids are therefore remembered
// and their grants dropped whenever they arrive; an erased patient never has grants
// here, so none is decided on, listed or expired.
//
// An event the GrantBook refuses (malformed terms, a second grant under one grantId)
// is skipped and reported, like the replica skips records that fail their contract:
// stopping would leave every decision of every patient waiting on one bad record.
import { GRANT_EXPIRED_V1, GRANT_GRANTED_V1, GRANT_REVOKED_V1, PATIENT_ERASED_V1, type AnyEvent } from '@carechain/contracts';
import { ConsentDecisionError, GrantBook, type Grant } from '@carechain/consent-decision';
import type { ReplicatedRecord, TopicReplicaHandler } from '@carechain/messaging';
import { PatientRegistry, type RegisteredPatient } from '@carechain/patient-registry';
import { grantOfEvent } from './grant-of-event';

export interface RejectedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly error: string;
}

export class ConsentState implements TopicReplicaHandler {
  private readonly erased = new Set<string>();
  private readonly rejectionListeners: ((rejected: RejectedEvent) => void)[] = [];

  constructor(
    private readonly registry = new PatientRegistry(),
    private readonly book = new GrantBook(),
  ) {}

  apply(record: ReplicatedRecord): void {
    if (record.event === null) return;
    // The registry reads identity's events and ignores the rest.
    this.registry.apply(record);
    this.applyEvent(record.event);
  }

  /** Applies one event; idempotent, so the replica may replay what a use case already applied. */
  applyEvent(event: AnyEvent): void {
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

  /** Called for each event the GrantBook refused (and the state skipped). */
  onRejected(listener: (rejected: RejectedEvent) => void): void {
    this.rejectionListeners.push(listener);
  }

  /** The patient this one was merged into (following chains), or itself. */
  survivor(patientId: string): RegisteredPatient | undefined {
    return this.registry.resolve(patientId);
  }

  /** The patients merged into this one, recursively. */
  mergedInto(survivorId: string): string[] {
    return this.registry.mergedInto(survivorId);
  }

  patient(patientId: string): RegisteredPatient | undefined {
    return this.registry.get(patientId);
  }

  grant(grantId: string): Grant | undefined {
    return this.book.get(grantId);
  }

  /** The patient's grants in arrival order, ended ones included (frozen; no copy). */
  grants(patientId: string): readonly Grant[] {
    return this.book.forPatient(patientId);
  }

  /** Active grants whose validUntil has passed at `now`, earliest first. */
  dueForExpiry(now: Date): Grant[] {
    return this.book.dueForExpiry(now);
  }
}
