// identity's in-memory view of identity.patient.v1, rebuilt by replay in every
// instance: who exists, their registrations (as MPI entries, decrypted in memory
// only), open match reviews, merges, signing keys. The use cases apply their own
// events here right after Kafka acknowledged them (write-through), and the replay
// applies them again: every apply is idempotent.
//
// A registration parked under a provisional patient by a match review is in the
// match index too, as a cluster of its own pending with the review's candidate, so
// a later registration of the same person finds it (and goes to review against it)
// instead of becoming a silent new patient. Everything for that is in the events:
// ReviewOpened carries the sealed registration and the candidate; ReviewResolved
// 'linked' takes it out (PatientLinked has put it in the candidate's cluster, and a
// cluster that pointed at the provisional patient now resolves to the candidate),
// 'separated' leaves it as the patient PatientRegistered made of it.
import { gauge, METRICS } from '@carechain/telemetry';
import {
  MERGE_REQUEST_RESOLVED_V1,
  MERGE_REQUESTED_V1,
  PATIENT_ERASED_V1,
  PATIENT_LINKED_V1,
  PATIENT_REGISTERED_V2,
  registrationDetailsSchema,
  REVIEW_OPENED_V1,
  REVIEW_RESOLVED_V1,
  type AnyEvent,
  type MatchEvidence,
  type RegistrationDetails,
  type SealedPayload,
} from '@carechain/contracts';
import { GrantReplica } from '@carechain/consent-decision';
import { openJson } from '@carechain/crypto';
import { MatchIndex, normalise } from '@carechain/identity-mpi';
import type { ReplicatedRecord, TopicReplicaHandler } from '@carechain/messaging';
import type { PatientKeyTable } from '@carechain/patient-keys';
import { PatientRegistry, type RegisteredPatient } from '@carechain/patient-registry';

export interface Registration {
  readonly registrationId: string;
  readonly organisation: string;
  readonly details: SealedPayload;
}

/** A patient as the registry knows them (custodian, merges, signing keys), with their registrations. */
export interface PatientState extends RegisteredPatient {
  readonly registrations: readonly Registration[];
}

export interface ReviewState {
  readonly reviewId: string;
  readonly provisionalPatientId: string;
  readonly candidatePatientId: string;
  readonly registrationId: string;
  readonly custodian: string;
  readonly details: SealedPayload;
  readonly evidence: MatchEvidence;
  readonly openedAt: string;
  status: 'open' | 'linked' | 'separated';
}

/** A merge across custodians, awaiting the other custodian (see MergePatientsUseCase). */
export interface MergeRequestState {
  readonly mergeRequestId: string;
  readonly survivorId: string;
  readonly mergedId: string;
  readonly requestedBy: string;
  readonly awaiting: string;
  readonly requestedAt: string;
  status: 'pending' | 'accepted' | 'rejected';
}

/** The AAD binding sealed registration details to their patient and registration. */
export function detailsContext(patientId: string, registrationId: string): Readonly<Record<string, string>> {
  return { patientId, registrationId, kind: 'registration-details' };
}

export const indexId = (patientId: string, registrationId: string) => `${patientId}/${registrationId}`;
export const patientOfIndexId = (id: string) => id.slice(0, id.indexOf('/'));

export class IdentityState implements TopicReplicaHandler {
  /** Who exists, custodians, merges, erasures, signing keys: the same replica logic consent and records use. */
  private readonly registry = new PatientRegistry();
  /** Each registration is a record of its patient's cluster; a merged patient's records count as the survivor's. */
  readonly index = new MatchIndex({ resolveCluster: (patientId) => this.clusterOf(patientId) });
  private readonly registrations = new Map<string, Registration[]>();
  private readonly reviews = new Map<string, ReviewState>();
  /** A provisional patient → the review it was created by. */
  private readonly reviewByProvisional = new Map<string, string>();
  private readonly mergeRequests = new Map<string, MergeRequestState>();
  /**
   * The patients' grants (consent.grant.v1, replayed with identity.patient.v1): a read of
   * demographics is decided like a read of records, and a grantee is related to the patient.
   */
  readonly grants = new GrantReplica();
  /** Registrations whose key had not arrived yet: indexed when it does (see onKeysArrived). */
  private readonly parked = new Map<string, Registration[]>();

  constructor(private readonly keys: PatientKeyTable) {
    gauge(METRICS.mpiReviewsPending, () => {
      let open = 0;
      for (const review of this.reviews.values()) if (review.status === 'open') open += 1;
      return [[open]];
    });
  }

  apply({ event }: ReplicatedRecord): void {
    if (event !== null) this.applyEvent(event);
  }

  applyEvent(event: AnyEvent): void {
    const erasedBefore = event.type === PATIENT_REGISTERED_V2 && this.isErased(event.data.patientId);
    this.registry.applyEvent(event);
    this.grants.applyEvent(event);
    switch (event.type) {
      case PATIENT_REGISTERED_V2: {
        const { patientId, custodian, registrationId, details } = event.data;
        if (!erasedBefore) this.addRegistration(patientId, { registrationId, organisation: custodian, details });
        return;
      }
      case PATIENT_LINKED_V1: {
        const { patientId, registrationId, organisation, details } = event.data;
        if (this.patient(patientId)) this.addRegistration(patientId, { registrationId, organisation, details });
        return;
      }
      case REVIEW_OPENED_V1: {
        const { reviewId, provisionalPatientId, registrationId, custodian, details } = event.data;
        if (this.reviews.has(reviewId)) return;
        this.reviews.set(reviewId, { ...event.data, openedAt: event.time, status: 'open' });
        this.reviewByProvisional.set(provisionalPatientId, reviewId);
        this.indexOrPark(provisionalPatientId, { registrationId, organisation: custodian, details });
        return;
      }
      case REVIEW_RESOLVED_V1: {
        const review = this.reviews.get(event.data.reviewId);
        if (!review || review.status !== 'open') return;
        review.status = event.data.outcome;
        const { provisionalPatientId, registrationId } = review;
        if (review.status === 'separated') this.index.settle(provisionalPatientId);
        else {
          this.index.remove(indexId(provisionalPatientId, registrationId));
          const waiting = this.parked.get(provisionalPatientId)?.filter((r) => r.registrationId !== registrationId);
          if (waiting?.length) this.parked.set(provisionalPatientId, waiting);
          else this.parked.delete(provisionalPatientId);
        }
        return;
      }
      case MERGE_REQUESTED_V1:
        if (!this.mergeRequests.has(event.data.mergeRequestId))
          this.mergeRequests.set(event.data.mergeRequestId, { ...event.data, requestedAt: event.time, status: 'pending' });
        return;
      case MERGE_REQUEST_RESOLVED_V1: {
        const request = this.mergeRequests.get(event.data.mergeRequestId);
        if (request) request.status = event.data.outcome;
        return;
      }
      case PATIENT_ERASED_V1:
        for (const id of [event.data.patientId, ...event.data.alsoErased]) this.forget(id);
        return;
      default:
        return;
    }
  }

  /** Keys for a patient arrived after its registration: index what was parked. */
  onKeysArrived(patientId: string): void {
    const waiting = this.parked.get(patientId);
    if (!waiting) return;
    this.parked.delete(patientId);
    for (const r of waiting) this.index_(patientId, r);
  }

  /** A patient that exists and was not erased. */
  patient(patientId: string): PatientState | undefined {
    const p = this.registry.get(patientId);
    return p && !p.erased ? { ...p, registrations: this.registrations.get(patientId) ?? [] } : undefined;
  }

  /** Follows merges to the survivor. */
  resolve(patientId: string): PatientState | undefined {
    const p = this.registry.resolve(patientId);
    return p && this.patient(p.patientId);
  }

  isErased(patientId: string): boolean {
    return this.registry.get(patientId)?.erased === true;
  }

  mergedInto(survivorId: string): string[] {
    return this.registry.mergedInto(survivorId);
  }

  review(reviewId: string): ReviewState | undefined {
    return this.reviews.get(reviewId);
  }

  /** The review that created this provisional patient, while it is open. */
  openReviewOf(provisionalPatientId: string): ReviewState | undefined {
    const reviewId = this.reviewByProvisional.get(provisionalPatientId);
    const review = reviewId === undefined ? undefined : this.reviews.get(reviewId);
    return review?.status === 'open' ? review : undefined;
  }

  /**
   * Where a patient's records now live: the survivor of merges, and for a provisional
   * patient whose review linked it, the patient it joined (followed a bounded number of
   * times: a review's candidate may itself have been provisional). Otherwise itself.
   */
  clusterOf(patientId: string): string {
    let at = patientId;
    for (let steps = 0; steps < 8; steps++) {
      const survivor = this.registry.resolve(at);
      if (survivor) return survivor.patientId;
      const reviewId = this.reviewByProvisional.get(at);
      const review = reviewId === undefined ? undefined : this.reviews.get(reviewId);
      if (review?.status !== 'linked') return at;
      at = review.candidatePatientId;
    }
    return at;
  }

  openReviews(): ReviewState[] {
    return [...this.reviews.values()].filter((r) => r.status === 'open').sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  }

  mergeRequest(mergeRequestId: string): MergeRequestState | undefined {
    return this.mergeRequests.get(mergeRequestId);
  }

  /** Merge requests involving `organisation` (asked by it or awaiting it), oldest first. */
  mergeRequestsOf(organisation: string): MergeRequestState[] {
    return [...this.mergeRequests.values()]
      .filter((r) => r.requestedBy === organisation || r.awaiting === organisation)
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  }

  /** Whether `organisation` registered the patient (a linked registration) or holds one of their grants. */
  isRelated(patientId: string, organisation: string): boolean {
    if ((this.registrations.get(patientId) ?? []).some((r) => r.organisation === organisation)) return true;
    return this.grants.forPatient(patientId).some((g) => g.grantee.organisation === organisation && g.status === 'active');
  }

  /** Decrypts a registration's details with the patient's key (in memory only). */
  open(patientId: string, registration: Pick<Registration, 'registrationId' | 'details'>): RegistrationDetails | undefined {
    const key = this.keys.version(patientId, registration.details.keyVersion);
    if (!key) return undefined;
    return registrationDetailsSchema.parse(openJson(key, registration.details, detailsContext(patientId, registration.registrationId)));
  }

  private addRegistration(patientId: string, registration: Registration): void {
    const list = this.registrations.get(patientId) ?? [];
    if (list.some((r) => r.registrationId === registration.registrationId)) return;
    list.push(registration);
    this.registrations.set(patientId, list);
    this.indexOrPark(patientId, registration);
  }

  private indexOrPark(patientId: string, registration: Registration): void {
    if (this.keys.version(patientId, registration.details.keyVersion)) this.index_(patientId, registration);
    else this.parked.set(patientId, [...(this.parked.get(patientId) ?? []), registration]);
  }

  // A provisional patient's registration is its own cluster, pending with the candidate
  // while the review is open; once separated, it is the patient's (indexed once).
  private index_(patientId: string, registration: Registration): void {
    const id = indexId(patientId, registration.registrationId);
    if (this.index.has(id)) return;
    const details = this.open(patientId, registration);
    if (details) this.index.add(id, normalise(details.demographics, details.identifiers), patientId, this.openReviewOf(patientId)?.candidatePatientId);
  }

  private forget(patientId: string): void {
    for (const r of this.registrations.get(patientId) ?? [])
      if (this.index.has(indexId(patientId, r.registrationId))) this.index.remove(indexId(patientId, r.registrationId));
    this.registrations.delete(patientId);
    this.parked.delete(patientId);
    this.keys.shred(patientId);
  }
}
