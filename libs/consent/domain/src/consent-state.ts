// What the consent service decides and authorises from, in memory: the patient
// registry (custodians, erasures, merges, signing keys) and the grants (the shared
// GrantReplica of @carechain/consent-decision), rebuilt in every instance by replaying
// identity.patient.v1 and consent.grant.v1 from the beginning (one TopicReplica over
// both topics), and written through by the use cases right after Kafka acknowledged
// their events, so a decision made a moment later sees them.
import type { AnyEvent } from '@carechain/contracts';
import { GRANT_REPLICA_EVENTS, GrantReplica, type Grant, type RejectedGrantEvent } from '@carechain/consent-decision';
import type { ReplicatedRecord, TopicReplicaHandler } from '@carechain/messaging';
import { PATIENT_REGISTRY_EVENTS, PatientRegistry, type RegisteredPatient } from '@carechain/patient-registry';

export type RejectedEvent = RejectedGrantEvent;

/** What the state applies: every other event on its topics is passed over by its type header, unparsed. */
export const CONSENT_STATE_EVENTS = [...new Set([...PATIENT_REGISTRY_EVENTS, ...GRANT_REPLICA_EVENTS])];

export class ConsentState implements TopicReplicaHandler {
  constructor(
    private readonly registry = new PatientRegistry(),
    private readonly replica = new GrantReplica(),
  ) {}

  apply(record: ReplicatedRecord): void {
    if (record.event === null) return;
    // The registry reads identity's events and ignores the rest.
    this.registry.apply(record);
    this.applyEvent(record.event);
  }

  /** Applies one event to the grants; idempotent, so the replica may replay what a use case already applied. */
  applyEvent(event: AnyEvent): void {
    this.replica.applyEvent(event);
  }

  /** Called for each event the GrantBook refused (and the state skipped). */
  onRejected(listener: (rejected: RejectedEvent) => void): void {
    this.replica.onRejected(listener);
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
    return this.replica.grant(grantId);
  }

  /** The patient's grants in arrival order, ended ones included (frozen; no copy). */
  grants(patientId: string): readonly Grant[] {
    return this.replica.forPatient(patientId);
  }

  /** Active grants whose validUntil has passed at `now`, earliest first. */
  dueForExpiry(now: Date): Grant[] {
    return this.replica.dueForExpiry(now);
  }
}
