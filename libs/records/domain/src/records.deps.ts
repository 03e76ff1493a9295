// What the records use cases work with: the three replicas (patients, keys,
// grants), the read model and the publisher, plus a clock and an id source that
// specs pin. Each use case builds its helpers from one of these.
import { randomUUID } from 'node:crypto';
import type { AppliedOffsets, EventPublisher, ReplicaProgress } from '@carechain/messaging';
import { AccessLog } from './access-log';
import { ConsentGate, type GrantSource } from './consent-gate';
import { PatientLookup, type PatientDirectory } from './patient-lookup';
import type { RecordStore } from './record-store.port';
import { RecordVault, type PatientKeys } from './record-vault';

export interface RecordsTiming {
  /** How long an unknown patient id is looked up again (a registration still on its way). */
  readonly patientWaitMs: number;
  /** How long to wait for a patient's keys to reach this instance. */
  readonly keyWaitMs: number;
  /**
   * How long a write waits, after Kafka acknowledged it, for the read model to show it,
   * so that a read right after a 201 finds the record (on any instance: Redis is shared).
   * A write is answered when this runs out too: it is durable in Kafka either way.
   */
  readonly visibleWaitMs: number;
}

export const DEFAULT_TIMING: RecordsTiming = { patientWaitMs: 3_000, keyWaitMs: 3_000, visibleWaitMs: 5_000 };

/** The claims addressed to an organisation that bill for a record (ClaimDisclosuresReplica, or a fake in a spec). */
export interface ClaimDisclosures {
  disclosing(patientIds: readonly string[], organisation: string, recordId: string): readonly string[];
}

const NO_CLAIMS: ClaimDisclosures = { disclosing: () => [] };

/** How far this instance's replicas and the records read model have applied their topics. */
export interface RecordsProgress {
  readonly replicas: Pick<ReplicaProgress, 'caughtUpToEnd'>;
  readonly readModel: AppliedOffsets;
}

export interface RecordsDeps {
  readonly patients: PatientDirectory;
  readonly keys: PatientKeys;
  readonly grants: GrantSource;
  /** What claims disclose to payers; none when absent. */
  readonly claims?: ClaimDisclosures;
  readonly store: RecordStore;
  readonly publisher: EventPublisher;
  readonly progress: RecordsProgress;
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly timing?: Partial<RecordsTiming>;
}

export interface RecordsKit {
  readonly store: RecordStore;
  readonly publisher: EventPublisher;
  readonly progress: RecordsProgress;
  readonly lookup: PatientLookup;
  readonly gate: ConsentGate;
  readonly vault: RecordVault;
  readonly access: AccessLog;
  readonly claims: ClaimDisclosures;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly timing: RecordsTiming;
}

export function recordsKit(deps: RecordsDeps): RecordsKit {
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  return {
    store: deps.store,
    publisher: deps.publisher,
    progress: deps.progress,
    lookup: new PatientLookup(deps.patients, deps.progress.replicas, timing.patientWaitMs),
    gate: new ConsentGate(deps.grants, deps.patients, now),
    vault: new RecordVault(deps.keys, timing.keyWaitMs),
    access: new AccessLog(deps.publisher, newId),
    claims: deps.claims ?? NO_CLAIMS,
    now,
    newId,
    timing,
  };
}
