// A patient's consent to one organisation (optionally one practitioner there) reading
// some record categories for some purposes, for a period. Grants are immutable values:
// a change of scope is a new grant, and the only transitions are active → revoked and
// active → expired (GrantBook applies them by replacing the value, never by mutating).
import type { GrantSigningInput } from '@carechain/contracts';

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

/** What the patient agreed to (and signed, when signed: GrantSigningInput), and what became of it. */
export interface Grant extends GrantSigningInput {
  readonly grantId: string;
  readonly grantee: Grantee;
  readonly grantedBy: GrantedBy;
  readonly grantedAt: string;
  readonly status: GrantStatus;
  readonly revokedAt?: string;
  readonly expiredAt?: string;
}
