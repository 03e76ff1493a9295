// A patient's consent to one organisation (optionally one practitioner there) reading
// some record categories for some purposes, for a period. Grants are immutable values:
// a change of scope is a new grant, and the only transitions are active → revoked and
// active → expired (GrantBook applies them by replacing the value, never by mutating).
import type { DataCategory, PurposeOfUse } from '@carechain/contracts';

export type GrantStatus = 'active' | 'revoked' | 'expired';

export interface Grantee {
  readonly organisation: string;
  /** When set, only this practitioner (the requester's subject) of the organisation may read. */
  readonly practitioner?: string;
}

export interface GrantedBy {
  /** The patient, someone acting for them, or the custodian recording a paper consent. */
  readonly kind: 'patient' | 'delegate' | 'custodian';
  readonly subject: string;
  /** Whether the consent carries a signature the consent service verified. */
  readonly signed: boolean;
}

export interface Grant {
  readonly grantId: string;
  readonly patientId: string;
  readonly grantee: Grantee;
  readonly categories: readonly DataCategory[];
  readonly purposes: readonly PurposeOfUse[];
  /** ISO 8601 instant with an offset; the grant is valid from this instant on (inclusive). */
  readonly validFrom: string;
  /** ISO 8601 instant; valid strictly before it. Absent: valid until revoked. */
  readonly validUntil?: string;
  readonly grantedBy: GrantedBy;
  readonly grantedAt: string;
  readonly status: GrantStatus;
  readonly revokedAt?: string;
  readonly expiredAt?: string;
}
