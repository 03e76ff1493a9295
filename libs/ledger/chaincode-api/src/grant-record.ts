// The one thing the consent contract stores per grant. Every value is derived per
// grant under the patient's commitment salt (see chaincode/README.md, "What the chain
// stores"), except the validity window and the transaction facts: no two of one
// patient's grants share a value that could tie them together, and no value equals
// an id that travels on Kafka (grant id, event id, patient id, organisation id).

export type GrantStatus = 'active' | 'revoked' | 'expired';

/** The two ways a grant ends; both are final. */
export type GrantEnd = Exclude<GrantStatus, 'active'>;

/** What RegisterGrant carries, validated. */
export interface GrantRegistration {
  /** HMAC(salt, "grant:" + grantId): the world-state key, and what callers ask about. */
  readonly grantKey: string;
  readonly patientCommitment: string;
  readonly scopeCommitment: string;
  readonly granteeCommitment: string;
  readonly validFrom: string;
  /** null: open-ended. */
  readonly validUntil: string | null;
  /** A commitment to the Kafka event ledger-writer registered the grant from. */
  readonly eventCommitment: string;
}

/** What RevokeGrant and ExpireGrant carry, validated. */
export interface GrantStatusChange {
  readonly grantKey: string;
  /** When the grant ended, as the consent service recorded it (revokedAt / expiredAt). */
  readonly at: string;
  readonly eventCommitment: string;
}

/** What the chain keeps. Every key is always present, null until its change happens. */
export interface GrantRecord extends Omit<GrantRegistration, 'eventCommitment'> {
  readonly status: GrantStatus;
  /** The registering transaction's timestamp (set by the client, identical on every endorser). */
  readonly registeredAt: string;
  readonly registeredTxId: string;
  readonly registeredEventCommitment: string;
  /** The revokedAt / expiredAt the writer supplied: the instant WasGrantValidAt judges by. */
  readonly statusChangedAt: string | null;
  readonly statusChangedTxId: string | null;
  readonly statusChangedEventCommitment: string | null;
}

/**
 * The record's JSON with a fixed key order. Endorsing peers must produce identical
 * write sets, so the bytes may not depend on how the object happened to be built.
 */
export function serializeGrantRecord(record: GrantRecord): string {
  return JSON.stringify({
    grantKey: record.grantKey,
    patientCommitment: record.patientCommitment,
    scopeCommitment: record.scopeCommitment,
    granteeCommitment: record.granteeCommitment,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    status: record.status,
    registeredAt: record.registeredAt,
    registeredTxId: record.registeredTxId,
    registeredEventCommitment: record.registeredEventCommitment,
    statusChangedAt: record.statusChangedAt,
    statusChangedTxId: record.statusChangedTxId,
    statusChangedEventCommitment: record.statusChangedEventCommitment,
  });
}
