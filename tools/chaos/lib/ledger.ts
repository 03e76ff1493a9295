// What the system acknowledged (2xx) during a chaos run, and so what must exist
// afterwards: per patient, their records with every acknowledged version, their
// grants (and whether a revocation was acknowledged), claims, and the id of every
// event an answer named. An operation that got no answer (status 0 or 5xx) may or
// may not have taken effect: the patient is marked uncertain for that kind, and the
// checks that would depend on it are not made.
export interface RecordEntry {
  /** Acknowledged version → the marker written into it. */
  readonly versions: Map<string, string>;
  readonly category: 'conditions' | 'encounters';
}

export interface PatientEntry {
  readonly id: string;
  readonly registeredAt: number;
  erased: boolean;
  readonly records: Map<string, RecordEntry>;
  /** grant id → revoked (a revocation was acknowledged). */
  readonly grants: Map<string, boolean>;
  coverageId?: string;
  readonly claims: string[];
  readonly eventIds: string[];
  /** A grant or revocation without an answer: the grantee's access cannot be predicted. */
  uncertainConsent: boolean;
  /** An erasure without an answer. */
  uncertainErasure: boolean;
}

export type OperationKind = 'register' | 'record' | 'amend' | 'grant' | 'revoke' | 'read' | 'erase' | 'coverage' | 'claim';

export class Ledger {
  readonly patients = new Map<string, PatientEntry>();
  readonly acknowledged = new Map<OperationKind, number>();
  readonly refused = new Map<OperationKind, number>();
  readonly unanswered = new Map<OperationKind, number>();

  count(kind: OperationKind, status: number): void {
    const into = status >= 200 && status < 300 ? this.acknowledged : status === 0 || status >= 500 ? this.unanswered : this.refused;
    into.set(kind, (into.get(kind) ?? 0) + 1);
  }

  addPatient(id: string, eventId: string | undefined): PatientEntry {
    const entry: PatientEntry = {
      id,
      registeredAt: Date.now(),
      erased: false,
      records: new Map(),
      grants: new Map(),
      claims: [],
      eventIds: eventId ? [eventId] : [],
      uncertainConsent: false,
      uncertainErasure: false,
    };
    this.patients.set(id, entry);
    return entry;
  }

  /** Patients neither erased nor possibly erased. */
  living(): PatientEntry[] {
    return [...this.patients.values()].filter((p) => !p.erased && !p.uncertainErasure);
  }
}
