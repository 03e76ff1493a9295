// identity owns patients' keys: it generates them, publishes them wrapped on the
// compacted identity.keys.v1 (keyed by patient id) and shreds them with a tombstone.
// The local key table is updated as soon as Kafka acknowledged, so identity can seal
// with a key before its own replica has read it back.
import { createEvent, KEYS_ISSUED_V1, Topics, type KeysIssuedV1 } from '@carechain/contracts';
import { generatePatientKeyVersion, wrapPatientKeyVersion, type KeyManagementService, type PatientKeyVersion } from '@carechain/crypto';
import type { EventPublisher } from '@carechain/messaging';
import type { PatientKeyTable } from '@carechain/patient-keys';
import { IdentityError, IdentityErrorCode } from './identity.error';

export const IDENTITY_SOURCE = '/carechain/identity';

/** Who caused the keys to be issued or rotated (recorded on the event, for audit). */
export interface KeyActor {
  readonly subject: string;
  readonly organisation: string;
}

export interface PatientKeyIssuerOptions {
  /**
   * The keys topic's max.compaction.lag.ms. Compaction only drops the wrapped keys a
   * tombstone supersedes once the tombstone's own segment has rolled, which takes
   * another append to the partition after that lag: a quiet partition would keep them
   * indefinitely. So the tombstone is published again once the lag has passed.
   */
  readonly compactionLagMs?: number;
}

export class PatientKeyIssuer {
  constructor(
    private readonly kms: KeyManagementService,
    private readonly keys: PatientKeyTable,
    private readonly publisher: EventPublisher,
    private readonly options: PatientKeyIssuerOptions = {},
  ) {}

  /** Version 1 of a new patient's data key and commitment salt. */
  async issue(patientId: string, actor?: KeyActor): Promise<PatientKeyVersion> {
    const first = generatePatientKeyVersion(1);
    await this.publish(patientId, [first], actor);
    return first;
  }

  /** A new version; earlier versions stay (re-wrapped under the active KEK) so old events stay readable. */
  async rotate(patientId: string, actor?: KeyActor): Promise<number> {
    const existing = this.allVersions(patientId);
    const next = generatePatientKeyVersion(existing[existing.length - 1]!.version + 1);
    await this.publish(patientId, [...existing, next], actor);
    return next.version;
  }

  /** Crypto-shredding: the tombstone removes the wrapped keys from the topic, and every replica forgets them. */
  async shred(patientId: string): Promise<void> {
    await this.publisher.publishTombstone(Topics.identityKeys, patientId);
    this.keys.shred(patientId);
    if (this.options.compactionLagMs === undefined) return;
    // Best effort, and never holding the process open: any later append to the partition rolls the segment just as well.
    setTimeout(() => void this.publisher.publishTombstone(Topics.identityKeys, patientId).catch(() => undefined), this.options.compactionLagMs + 1_000).unref();
  }

  private allVersions(patientId: string): PatientKeyVersion[] {
    const current = this.keys.current(patientId);
    if (!current) throw new IdentityError(IdentityErrorCode.KeysUnavailable, 'the patient has no keys (erased or unknown)');
    const versions: PatientKeyVersion[] = [];
    for (let v = 1; v <= current.version; v++) {
      const k = this.keys.version(patientId, v);
      if (k) versions.push(k);
    }
    return versions;
  }

  private async publish(patientId: string, versions: readonly PatientKeyVersion[], actor?: KeyActor): Promise<void> {
    const data: KeysIssuedV1 = { patientId, versions: await Promise.all(versions.map((v) => wrapPatientKeyVersion(this.kms, patientId, v))) };
    const event = createEvent({
      type: KEYS_ISSUED_V1,
      source: IDENTITY_SOURCE,
      subject: patientId,
      data,
      ...(actor && { actor: actor.subject, actororg: actor.organisation }),
    });
    await this.publisher.publish(Topics.identityKeys, event, { key: patientId });
    await this.keys.put(data);
  }
}
