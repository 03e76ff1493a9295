// What the engine decides on, and what it answers. Plain data, already gathered by
// the claims use cases (coverage, earlier items of the patient, documentation
// found): the engine itself reads nothing and writes nothing.
import type { AdjudicationOutcome, ReasonCode } from '@carechain/contracts';

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export interface CoverageFacts {
  readonly payer: string;
  readonly planId: string;
  readonly status: 'active' | 'cancelled' | 'draft' | 'entered-in-error';
  /** First and last day covered; open when absent. */
  readonly start?: IsoDate;
  readonly end?: IsoDate;
}

/**
 * What the documentation port found for an item's referenced record: it exists, is
 * the patient's, was written by the billing organisation, and bills the same code
 * on the same date — or the first of those that failed.
 */
export type DocumentationFinding = 'documented' | 'missing' | 'other-patient' | 'other-author' | 'code-mismatch' | 'date-mismatch';

export interface ClaimItemFacts {
  readonly sequence: number;
  readonly code: { readonly system?: string; readonly code: string };
  readonly serviceDate: IsoDate;
  readonly quantity: number;
  /** Per unit, in minor units (cents). */
  readonly unitPrice: number;
  readonly documentation: DocumentationFinding;
}

/** An item of an earlier claim of the same patient that still counts (not cancelled, not denied). */
export interface PriorItem {
  readonly provider: string;
  readonly code: string;
  readonly serviceDate: IsoDate;
  readonly quantity: number;
}

export interface ClaimFacts {
  readonly provider: string;
  readonly insurer: string;
  /** The day the claim was submitted (for timely filing). */
  readonly submittedOn: IsoDate;
  readonly coverage: CoverageFacts;
  readonly items: readonly ClaimItemFacts[];
  readonly priorItems: readonly PriorItem[];
  /** Codes with an approved prior authorisation for this patient and provider. */
  readonly authorisedCodes: ReadonlySet<string>;
  /** Already applied to the deductible under this coverage, in minor units. */
  readonly deductibleMet: number;
}

export type ItemStatus = 'payable' | 'denied' | 'pended';

/** One item's adjudication, amounts in minor units (FHIR adjudication categories). */
export interface ItemAdjudication {
  readonly sequence: number;
  readonly status: ItemStatus;
  readonly submitted: number;
  readonly eligible: number;
  readonly deductible: number;
  readonly copay: number;
  readonly coinsurance: number;
  readonly benefit: number;
  readonly eligibleUnits: number;
  readonly reasons: readonly ReasonCode[];
}

export interface AdjudicationDecision {
  readonly outcome: AdjudicationOutcome;
  readonly plan: { readonly planId: string; readonly version: number };
  readonly currency: string;
  readonly items: readonly ItemAdjudication[];
  readonly totals: { readonly submitted: number; readonly eligible: number; readonly benefit: number; readonly patientPays: number };
}
