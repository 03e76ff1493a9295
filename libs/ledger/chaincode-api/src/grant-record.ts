// The one thing the consent contract stores per grant. The patient and the scope
// (categories, purposes) appear only as salted commitments; the grantee is an
// organisation, which is not personal data; the rest are ids and times.

export type GrantStatus = 'active' | 'revoked' | 'expired';

/** The two ways a grant ends; both are final. */
export type GrantEnd = Exclude<GrantStatus, 'active'>;

/** What RegisterGrant carries, validated. */
export interface GrantRegistration {
  readonly grantId: string;
  readonly patientCommitment: string;
  readonly scopeCommitment: string;
  readonly granteeOrg: string;
  readonly validFrom: string;
  /** null: open-ended. */
  readonly validUntil: string | null;
  readonly sourceEventId: string;
}

/** What RevokeGrant and ExpireGrant carry, validated. */
export interface GrantStatusChange {
  readonly grantId: string;
  /** When the grant ended, as the consent service recorded it (revokedAt / expiredAt). */
  readonly at: string;
  readonly sourceEventId: string;
}

/** What the chain keeps. Every key is always present, null until its change happens. */
export interface GrantRecord {
  readonly grantId: string;
  readonly patientCommitment: string;
  readonly scopeCommitment: string;
  readonly granteeOrg: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly status: GrantStatus;
  /** The registering transaction's timestamp (set by the client, identical on every endorser). */
  readonly registeredAt: string;
  readonly registeredTxId: string;
  /** The Kafka event ledger-writer registered the grant from. */
  readonly registeredSourceEventId: string;
  /** The revokedAt / expiredAt the writer supplied: the instant WasGrantValidAt judges by. */
  readonly statusChangedAt: string | null;
  readonly statusChangedTxId: string | null;
  readonly statusChangedSourceEventId: string | null;
}

/**
 * The record's JSON with a fixed key order. Endorsing peers must produce identical
 * write sets, so the bytes may not depend on how the object happened to be built.
 */
export function serializeGrantRecord(record: GrantRecord): string {
  return JSON.stringify({
    grantId: record.grantId,
    patientCommitment: record.patientCommitment,
    scopeCommitment: record.scopeCommitment,
    granteeOrg: record.granteeOrg,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    status: record.status,
    registeredAt: record.registeredAt,
    registeredTxId: record.registeredTxId,
    registeredSourceEventId: record.registeredSourceEventId,
    statusChangedAt: record.statusChangedAt,
    statusChangedTxId: record.statusChangedTxId,
    statusChangedSourceEventId: record.statusChangedSourceEventId,
  });
}
