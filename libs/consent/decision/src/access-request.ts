// Who wants to read which categories of whose records, why, and when. Built by the
// caller (consent's POST /decisions, records' read path) from an authenticated token.
import type { DataCategory, PurposeOfUse } from '@carechain/contracts';

export interface Requester {
  readonly subject: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  /** For a `service` identity: the purposes its deployment granted it (a token claim); ignored for other roles. */
  readonly purposes?: readonly string[];
  /**
   * For a `service` identity bound to one patient (its token's `patient` claim): it reads
   * as that patient, for PATRQT, and nothing of anyone else (audit assembling an export).
   */
  readonly patient?: string;
}

/** The requester of any caller-shaped principal (a token's, consent's Caller): its own fields only, absent ones left out. */
export function requesterOf(caller: Requester): Requester {
  return {
    subject: caller.subject,
    organisation: caller.organisation,
    roles: caller.roles,
    ...(caller.purposes && { purposes: caller.purposes }),
    ...(caller.patient !== undefined && { patient: caller.patient }),
  };
}

export interface BreakGlass {
  /** Free text written by the clinician; audited by the caller, never copied into a Decision. */
  readonly reason: string;
}

export interface AccessRequest<C extends DataCategory = DataCategory> {
  readonly patientId: string;
  readonly requester: Requester;
  /** Non-empty; duplicates are decided once. */
  readonly categories: readonly C[];
  readonly purpose: PurposeOfUse;
  readonly at: Date;
  readonly breakGlass?: BreakGlass;
  /**
   * Claims addressed to the requester's organisation that bill for exactly what is
   * requested (the caller checks the record is among a claim's documenting records):
   * a payer reads for payment what a claim discloses to it.
   */
  readonly claimIds?: readonly string[];
}
