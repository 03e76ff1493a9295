// Every patient's keys, unwrapped in memory only, kept by replaying the compacted
// topic identity.keys.v1 (see TopicReplica). A tombstone shreds the patient's keys
// here; once shredded, a late or replayed KeysIssued for the patient is ignored,
// because erasure is final.
import { KEYS_ISSUED_V1, type KeysIssuedV1 } from '@carechain/contracts';
import { CryptoError, CryptoErrorCode, PatientKeyRing, unwrapPatientKeyVersion, type KeyManagementService, type PatientKeyVersion } from '@carechain/crypto';
import type { ReplicatedRecord, TopicReplicaHandler } from '@carechain/messaging';

interface Waiter {
  readonly resolve: (key: PatientKeyVersion | undefined) => void;
  readonly timer: NodeJS.Timeout;
}

/** What the table applies (and tombstones, which carry no type): other events on the topic are passed over unparsed. */
export const PATIENT_KEY_EVENTS = [KEYS_ISSUED_V1] as const;

export class PatientKeyTable implements TopicReplicaHandler {
  private readonly ring = new PatientKeyRing();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly listeners: ((patientId: string) => void)[] = [];

  constructor(private readonly kms: KeyManagementService) {}

  async apply({ key, event }: ReplicatedRecord): Promise<void> {
    if (event === null) {
      if (key !== null) this.shred(key);
      return;
    }
    if (event.type !== KEYS_ISSUED_V1) return;
    await this.put(event.data);
  }

  /** Called by identity right after publishing, so its own reads need not wait for the round trip. */
  async put(issued: KeysIssuedV1): Promise<void> {
    if (this.ring.isShredded(issued.patientId)) return;
    const versions = await Promise.all(issued.versions.map((v) => unwrapPatientKeyVersion(this.kms, issued.patientId, v)));
    this.ring.put(issued.patientId, versions);
    this.wake(issued.patientId);
    for (const listener of this.listeners) listener(issued.patientId);
  }

  /** Told each time a patient's keys arrive or change (e.g. to decrypt what waited for them). */
  onKeys(listener: (patientId: string) => void): void {
    this.listeners.push(listener);
  }

  shred(patientId: string): void {
    this.ring.shred(patientId);
    this.wake(patientId);
  }

  current(patientId: string): PatientKeyVersion | undefined {
    return this.ring.current(patientId);
  }

  version(patientId: string, version: number): PatientKeyVersion | undefined {
    return this.ring.version(patientId, version);
  }

  isShredded(patientId: string): boolean {
    return this.ring.isShredded(patientId);
  }

  /** The key, or a CryptoError saying whether it was shredded or never seen. */
  require(patientId: string, version?: number): PatientKeyVersion {
    return this.ring.require(patientId, version);
  }

  /**
   * The current key, waiting up to `timeoutMs` for it to arrive: a service may see a
   * patient's first event moments before the replica has applied the patient's keys.
   */
  async awaitCurrent(patientId: string, timeoutMs: number): Promise<PatientKeyVersion> {
    const now = this.ring.current(patientId);
    if (now) return now;
    if (this.ring.isShredded(patientId)) throw new CryptoError(CryptoErrorCode.KeyShredded, "the patient's keys were shredded");
    const key = await new Promise<PatientKeyVersion | undefined>((resolve) => {
      const list = this.waiters.get(patientId) ?? [];
      const waiter: Waiter = { resolve, timer: setTimeout(() => this.drop(patientId, waiter), timeoutMs) };
      list.push(waiter);
      this.waiters.set(patientId, list);
    });
    if (key) return key;
    return this.ring.require(patientId);
  }

  get size(): number {
    return this.ring.size;
  }

  private wake(patientId: string): void {
    const list = this.waiters.get(patientId);
    if (!list) return;
    this.waiters.delete(patientId);
    const key = this.ring.current(patientId);
    for (const w of list) {
      clearTimeout(w.timer);
      w.resolve(key);
    }
  }

  private drop(patientId: string, waiter: Waiter): void {
    const list = this.waiters.get(patientId)?.filter((w) => w !== waiter) ?? [];
    if (list.length === 0) this.waiters.delete(patientId);
    else this.waiters.set(patientId, list);
    waiter.resolve(undefined);
  }
}
