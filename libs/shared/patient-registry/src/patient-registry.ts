// Which patients exist, who their custodian is, whether they were merged or
// erased, and the public keys they sign consent with — what consent and records
// need to decide, held in memory by replaying identity.patient.v1 (a TopicReplica),
// so a decision never waits on the network. Ids and public keys only, no PHI.
import {
  isEventOf,
  PATIENT_ERASED_V1,
  PATIENT_MERGED_V1,
  PATIENT_REGISTERED_V1,
  PATIENT_REGISTERED_V2,
  PATIENT_UNMERGED_V1,
  SIGNING_KEY_REGISTERED_V1,
  type AnyEvent,
  type Ed25519Jwk,
} from '@carechain/contracts';
import type { ReplicatedRecord, TopicReplicaHandler } from '@carechain/messaging';

export interface RegisteredPatient {
  readonly patientId: string;
  /** The organisation where the patient first registered. */
  readonly custodian: string;
  readonly erased: boolean;
  /** Set while this patient is merged into another (the survivor). */
  readonly mergedInto?: string;
  readonly signingKeys: ReadonlyMap<string, Ed25519Jwk>;
}

interface Entry {
  custodian: string;
  erased: boolean;
  mergedInto?: string;
  signingKeys: Map<string, Ed25519Jwk>;
}

/** What the registry applies: every other event on identity.patient.v1 is passed over by its type header, unparsed. */
export const PATIENT_REGISTRY_EVENTS = [
  PATIENT_REGISTERED_V1,
  PATIENT_REGISTERED_V2,
  PATIENT_MERGED_V1,
  PATIENT_UNMERGED_V1,
  PATIENT_ERASED_V1,
  SIGNING_KEY_REGISTERED_V1,
] as const;

export class PatientRegistry implements TopicReplicaHandler {
  private readonly patients = new Map<string, Entry>();
  /** survivor id → the ids merged directly into it: a read path lists a group without a scan. */
  private readonly absorbed = new Map<string, Set<string>>();

  apply({ event }: ReplicatedRecord): void {
    if (event !== null) this.applyEvent(event);
  }

  applyEvent(event: AnyEvent): void {
    if (!isEventOf(PATIENT_REGISTRY_EVENTS, event)) return;
    switch (event.type) {
      case PATIENT_REGISTERED_V1:
      case PATIENT_REGISTERED_V2:
        if (!this.patients.has(event.data.patientId))
          this.patients.set(event.data.patientId, { custodian: event.data.custodian, erased: false, signingKeys: new Map() });
        return;
      case PATIENT_MERGED_V1: {
        const merged = this.patients.get(event.data.mergedId);
        if (merged) {
          this.detach(event.data.mergedId, merged);
          merged.mergedInto = event.data.survivorId;
          const into = this.absorbed.get(event.data.survivorId) ?? new Set<string>();
          this.absorbed.set(event.data.survivorId, into.add(event.data.mergedId));
        }
        return;
      }
      case PATIENT_UNMERGED_V1: {
        const merged = this.patients.get(event.data.mergedId);
        if (merged) this.detach(event.data.mergedId, merged);
        return;
      }
      case PATIENT_ERASED_V1:
        for (const id of [event.data.patientId, ...event.data.alsoErased]) {
          const p = this.patients.get(id);
          if (p) {
            p.erased = true;
            p.signingKeys.clear();
          }
        }
        return;
      case SIGNING_KEY_REGISTERED_V1:
        // Only a key the patient registered with their own token (the event's actor) can make
        // a consent "signed by the patient"; one staff registered before that rule is not trusted.
        if (event.actor === event.data.patientId) this.patients.get(event.data.patientId)?.signingKeys.set(event.data.keyId, event.data.jwk);
        return;
      default:
        return;
    }
  }

  get(patientId: string): RegisteredPatient | undefined {
    const p = this.patients.get(patientId);
    return p && { patientId, ...p };
  }

  /** Follows merges to the surviving patient (bounded, in case of a cycle). */
  resolve(patientId: string): RegisteredPatient | undefined {
    let current = this.get(patientId);
    for (let hops = 0; current?.mergedInto !== undefined && hops < 10; hops++) current = this.get(current.mergedInto);
    return current;
  }

  /** The patients merged into this one, recursively (bounded, in case of a cycle). */
  mergedInto(survivorId: string, depth = 0): string[] {
    const direct = this.absorbed.get(survivorId);
    if (direct === undefined || depth >= 10) return [];
    const out: string[] = [];
    for (const id of direct) out.push(id, ...this.mergedInto(id, depth + 1));
    return out;
  }

  private detach(mergedId: string, merged: Entry): void {
    if (merged.mergedInto === undefined) return;
    const into = this.absorbed.get(merged.mergedInto);
    into?.delete(mergedId);
    if (into?.size === 0) this.absorbed.delete(merged.mergedInto);
    delete merged.mergedInto;
  }

  get size(): number {
    return this.patients.size;
  }
}
