// A claim and a coverage as the read model keeps them: the sealed FHIR resources
// and what may be in clear (ids, organisations, states, plan, reason codes).
import type { AdjudicationOutcome, ClaimAdjudicatedV1, ReasonCode, SealedPayload } from '@carechain/contracts';
import type { ClaimStatus } from './claim-status';

export interface Actor {
  readonly subject: string;
  readonly organisation: string;
}

export interface StoredCoverage {
  readonly coverageId: string;
  readonly patientId: string;
  readonly payer: string;
  readonly planId: string;
  readonly registeredBy: Actor;
  readonly registeredAt: string;
  readonly resource: SealedPayload;
}

export interface StoredSubmission {
  readonly claimId: string;
  readonly patientId: string;
  readonly provider: string;
  readonly insurer: string;
  readonly coverageId: string;
  readonly use: 'claim' | 'preauthorization';
  readonly submittedBy: Actor;
  readonly submittedAt: string;
  readonly documentingRecordIds: readonly string[];
  readonly resource: SealedPayload;
}

export interface StoredAdjudication {
  readonly outcome: AdjudicationOutcome;
  readonly reAdjudication: boolean;
  readonly decidedBy: ClaimAdjudicatedV1['decidedBy'];
  readonly plan?: { readonly planId: string; readonly version: number };
  readonly items: readonly { readonly sequence: number; readonly reasons: readonly ReasonCode[] }[];
  readonly response: SealedPayload;
  readonly at: string;
}

export interface StoredPayment {
  readonly paidBy: Actor;
  readonly payment: SealedPayload;
  readonly at: string;
}

export interface StoredAppeal {
  readonly appealedBy: Actor;
  readonly reason: SealedPayload;
  readonly at: string;
}

export interface StoredClaim {
  readonly submission: StoredSubmission;
  readonly status: ClaimStatus;
  readonly updatedAt: string;
  /** The latest adjudication (a re-adjudication replaces the first). */
  readonly adjudication?: StoredAdjudication;
  readonly payment?: StoredPayment;
  readonly appeal?: StoredAppeal;
}
