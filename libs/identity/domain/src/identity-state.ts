// identity's in-memory view of identity.patient.v1, rebuilt by replay in every
// instance: who exists, their registrations (as MPI entries, decrypted in memory
// only), open match reviews, merges, signing keys. The use cases apply their own
// events here right after Kafka acknowledged them (write-through), and the replay
// applies them again: every apply is idempotent.
import {
  PATIENT_ERASED_V1,
  PATIENT_LINKED_V1,
  PATIENT_MERGED_V1,
  PATIENT_REGISTERED_V2,
  PATIENT_UNMERGED_V1,
  registrationDetailsSchema,
  REVIEW_OPENED_V1,
  REVIEW_RESOLVED_V1,
  SIGNING_KEY_REGISTERED_V1,
  type AnyEvent,
  type Ed25519Jwk,
  type MatchEvidence,
  type RegistrationDetails,
  type SealedPayload,
} from '@carechain/contracts';
import { openJson } from '@carechain/crypto';
import { MatchIndex, normalise } from '@carechain/identity-mpi';
import type { ReplicatedRecord, TopicReplicaHandler } from '@carechain/messaging';
import type { PatientKeyTable } from '@carechain/patient-keys';

export interface Registration {
  readonly registrationId: string;
  readonly organisation: string;
  readonly details: SealedPayload;
}

export interface PatientState {
  readonly patientId: string;
  readonly custodian: string;
  readonly registrations: Registration[];
  mergedInto?: string;
  readonly signingKeys: Map<string, Ed25519Jwk>;
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

/** The AAD binding sealed registration details to their patient and registration. */
export function detailsContext(patientId: string, registrationId: string): Readonly<Record<string, string>> {
  return { patientId, registrationId, kind: 'registration-details' };
}

export const indexId = (patientId: string, registrationId: string) => `${patientId}/${registrationId}`;
export const patientOfIndexId = (id: string) => id.slice(0, id.indexOf('/'));

export class IdentityState implements TopicReplicaHandler {
  readonly index = new MatchIndex();
  private readonly patients = new Map<string, PatientState>();
  private readonly reviews = new Map<string, ReviewState>();
  private readonly erased = new Set<string>();
  /** Registrations whose key had not arrived yet: indexed when it does (see onKeysArrived). */
  private readonly parked = new Map<string, Registration[]>();

  constructor(private readonly keys: PatientKeyTable) {}

  apply({ event }: ReplicatedRecord): void {
    if (event !== null) this.applyEvent(event);
  }

  applyEvent(event: AnyEvent): void {
    switch (event.type) {
      case PATIENT_REGISTERED_V2: {
        const { patientId, custodian, registrationId, details } = event.data;
        if (this.erased.has(patientId)) return;
        if (!this.patients.has(patientId)) this.patients.set(patientId, { patientId, custodian, registrations: [], signingKeys: new Map() });
        this.addRegistration(patientId, { registrationId, organisation: custodian, details });
        return;
      }
      case PATIENT_LINKED_V1: {
        const { patientId, registrationId, organisation, details } = event.data;
        if (this.erased.has(patientId) || !this.patients.has(patientId)) return;
        this.addRegistration(patientId, { registrationId, organisation, details });
        return;
      }
      case REVIEW_OPENED_V1:
        if (!this.reviews.has(event.data.reviewId)) this.reviews.set(event.data.reviewId, { ...event.data, openedAt: event.time, status: 'open' });
        return;
      case REVIEW_RESOLVED_V1: {
        const review = this.reviews.get(event.data.reviewId);
        if (review) review.status = event.data.outcome;
        return;
      }
      case PATIENT_MERGED_V1: {
        const merged = this.patients.get(event.data.mergedId);
        if (merged) merged.mergedInto = event.data.survivorId;
        return;
      }
      case PATIENT_UNMERGED_V1: {
        const merged = this.patients.get(event.data.mergedId);
        if (merged?.mergedInto === event.data.survivorId) delete merged.mergedInto;
        return;
      }
      case PATIENT_ERASED_V1:
        for (const id of [event.data.patientId, ...event.data.alsoErased]) this.forget(id);
        return;
      case SIGNING_KEY_REGISTERED_V1:
        this.patients.get(event.data.patientId)?.signingKeys.set(event.data.keyId, event.data.jwk);
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

  patient(patientId: string): PatientState | undefined {
    return this.patients.get(patientId);
  }

  /** Follows merges to the survivor. */
  resolve(patientId: string): PatientState | undefined {
    let p = this.patients.get(patientId);
    for (let hops = 0; p?.mergedInto !== undefined && hops < 10; hops++) p = this.patients.get(p.mergedInto);
    return p;
  }

  isErased(patientId: string): boolean {
    return this.erased.has(patientId);
  }

  mergedInto(survivorId: string): string[] {
    const out: string[] = [];
    for (const p of this.patients.values()) if (p.mergedInto === survivorId) out.push(p.patientId, ...this.mergedInto(p.patientId));
    return out;
  }

  review(reviewId: string): ReviewState | undefined {
    return this.reviews.get(reviewId);
  }

  openReviews(): ReviewState[] {
    return [...this.reviews.values()].filter((r) => r.status === 'open').sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  }

  /** Decrypts a registration's details with the patient's key (in memory only). */
  open(patientId: string, registration: Pick<Registration, 'registrationId' | 'details'>): RegistrationDetails | undefined {
    const key = this.keys.version(patientId, registration.details.keyVersion);
    if (!key) return undefined;
    return registrationDetailsSchema.parse(openJson(key, registration.details, detailsContext(patientId, registration.registrationId)));
  }

  private addRegistration(patientId: string, registration: Registration): void {
    const p = this.patients.get(patientId)!;
    if (p.registrations.some((r) => r.registrationId === registration.registrationId)) return;
    p.registrations.push(registration);
    if (this.keys.version(patientId, registration.details.keyVersion)) this.index_(patientId, registration);
    else this.parked.set(patientId, [...(this.parked.get(patientId) ?? []), registration]);
  }

  private index_(patientId: string, registration: Registration): void {
    const details = this.open(patientId, registration);
    if (details) this.index.add(indexId(patientId, registration.registrationId), normalise(details.demographics, details.identifiers));
  }

  private forget(patientId: string): void {
    const p = this.patients.get(patientId);
    if (p) for (const r of p.registrations) this.index.remove(indexId(patientId, r.registrationId));
    this.patients.delete(patientId);
    this.parked.delete(patientId);
    this.erased.add(patientId);
    this.keys.shred(patientId);
  }
}
