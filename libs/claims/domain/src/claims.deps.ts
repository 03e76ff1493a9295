// What the claims use cases work with: the replicas (patients, keys, documenting
// records), the benefit plans, the read model and the publisher, plus a clock and
// an id source that specs pin. ClaimsKit holds the helpers every use case shares.
import { randomUUID } from 'node:crypto';
import { Topics, type CloudEvent } from '@carechain/contracts';
import type { PlanBook } from '@carechain/claims-adjudication';
import type { AppliedOffsets, EventPublisher, ReplicaProgress } from '@carechain/messaging';
import type { RegisteredPatient } from '@carechain/patient-registry';
import { ClaimVault, type PatientKeys } from './claim-vault';
import type { ClaimStore } from './claim-store.port';
import type { ClaimStatus } from './claim-status';
import { claimNotFound, ClaimsError, ClaimsErrorCode } from './claims.error';
import type { DocumentingRecords } from './documenting-records.port';
import { counter, METRICS } from '@carechain/telemetry';
import type { StoredClaim } from './stored-claim';

const claimTransitions = counter(METRICS.claimTransitions);

export interface ClaimsTiming {
  /** How long an unknown patient id is looked up again (a registration still on its way). */
  readonly patientWaitMs: number;
  /** How long to wait for a patient's keys to reach this instance. */
  readonly keyWaitMs: number;
  /** How long a change waits, after Kafka acknowledged it, for the read model to show it. */
  readonly visibleWaitMs: number;
}

export const DEFAULT_CLAIMS_TIMING: ClaimsTiming = { patientWaitMs: 3_000, keyWaitMs: 3_000, visibleWaitMs: 5_000 };

export interface ClaimsSettings {
  /**
   * Whether a claim waits in `submitted` for the ledger's ClaimContract to verify it
   * (CLAIMS_AWAIT_CHAIN_VERDICT; on in the devnet and the end-to-end stack, which run a
   * ledger-writer per organisation). Off, claims verifies documentation and duplicates
   * itself and says so (`basis: local`), and nothing of the claim goes on the chain.
   */
  readonly awaitChainVerdict: boolean;
}

/** How far this instance's replicas and the claims read model have applied their topics. */
export interface ClaimsProgress {
  readonly replicas: ReplicaProgress;
  readonly readModel: AppliedOffsets;
}

export interface ClaimsDeps {
  readonly patients: { get(patientId: string): RegisteredPatient | undefined };
  readonly keys: PatientKeys;
  readonly store: ClaimStore;
  readonly publisher: EventPublisher;
  readonly progress: ClaimsProgress;
  readonly documents: DocumentingRecords;
  readonly plans: PlanBook;
  readonly settings?: Partial<ClaimsSettings>;
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly timing?: Partial<ClaimsTiming>;
}

export interface LoadedClaim {
  readonly patientId: string;
  readonly claim: StoredClaim;
}

export class ClaimsKit {
  readonly vault: ClaimVault;
  readonly timing: ClaimsTiming;
  readonly settings: ClaimsSettings;
  readonly now: () => Date;
  readonly newId: () => string;
  private readonly tails = new Map<string, Promise<void>>();

  constructor(readonly deps: ClaimsDeps) {
    this.timing = { ...DEFAULT_CLAIMS_TIMING, ...deps.timing };
    this.settings = { awaitChainVerdict: false, ...deps.settings };
    this.vault = new ClaimVault(deps.keys, this.timing.keyWaitMs);
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  get store(): ClaimStore {
    return this.deps.store;
  }

  /** A patient claims may be filed for: known (waiting briefly for a fresh registration) and not erased. */
  async patient(patientId: string): Promise<RegisteredPatient> {
    const patient = this.deps.patients.get(patientId) ?? (await this.arrived(patientId));
    if (patient === undefined) throw new ClaimsError(ClaimsErrorCode.PatientNotFound, `no patient ${patientId}`);
    if (patient.erased) throw new ClaimsError(ClaimsErrorCode.PatientErased, `patient ${patientId} was erased`);
    return patient;
  }

  /** Once the registry replica reached the patient topic's end as it is now (briefly at most). */
  private async arrived(patientId: string): Promise<RegisteredPatient | undefined> {
    await this.deps.progress.replicas.caughtUpToEnd([Topics.identityPatient], this.timing.patientWaitMs);
    return this.deps.patients.get(patientId);
  }

  async loadClaim(claimId: string): Promise<LoadedClaim> {
    const patientId = await this.store.patientOfClaim(claimId);
    if (patientId === undefined) throw claimNotFound(claimId);
    if (this.deps.patients.get(patientId)?.erased) throw new ClaimsError(ClaimsErrorCode.PatientErased, `patient ${patientId} was erased`);
    const claim = await this.store.claim(patientId, claimId);
    if (claim === undefined) throw claimNotFound(claimId);
    return { patientId, claim };
  }

  /**
   * Publishes a claim's events in order (one send, keyed by the patient) and waits
   * briefly for the read model to apply them, so a read right after the answer sees
   * the claim in `finalStatus`. Durable in Kafka either way. (The claim and its status
   * name what is awaited; the positions Kafka answered say it exactly.)
   */
  async publish(patientId: string, _claimId: string, events: readonly CloudEvent[], finalStatus: ClaimStatus): Promise<void> {
    const written = await this.deps.publisher.publishAll(Topics.claimsClaim, events, () => patientId);
    claimTransitions.add(1, { 'carechain.claim.status': finalStatus });
    await this.deps.progress.readModel.caughtUpTo(written, this.timing.visibleWaitMs);
  }

  /** Serialises the transitions of one claim within this instance, so two cannot both start from the same state. */
  async exclusive<T>(claimId: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(claimId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(claimId, mine);
    try {
      await before;
      return await work();
    } finally {
      release();
      if (this.tails.get(claimId) === mine) this.tails.delete(claimId);
    }
  }
}
