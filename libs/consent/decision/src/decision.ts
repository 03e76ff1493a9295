// The outcome of one AccessRequest, decided per category so that a search can return
// exactly what the caller may see: records asks for every category and keeps the
// `permitted` ones. The effect is 'permit' only when every requested category is
// permitted; a partly permitted request is a 'deny' that still lists what it may read.
// Ids and codes only: no PHI, no free text from the request.
import type { DataCategory } from '@carechain/contracts';
import type { DenyReason } from './deny-reason';

/**
 * patient: the patient reading their own records; custodian: staff of the patient's
 * custodian in a role that reads without a grant (see custodianCategories); grant:
 * one or more grants; claim: a payer reading for payment what a claim addressed to it
 * bills for; break-glass: an emergency override, to be audited and reviewed.
 */
export type DecisionBasis = 'patient' | 'custodian' | 'grant' | 'claim' | 'break-glass';

interface DecisionOutcome<C extends DataCategory> {
  /** Requested categories that may be read, in request order, without duplicates. */
  readonly permitted: readonly C[];
  /** Requested categories that may not, in request order, without duplicates. */
  readonly denied: readonly C[];
  /**
   * The grants behind the permitted categories, most preferred first (latest
   * validFrom, then grantId): one grant when one covers them all, else the most
   * preferred grant of each category. Empty unless grants permitted something.
   */
  readonly grantIds: readonly string[];
  /** True only for a break-glass permit: the caller must audit it as such. */
  readonly breakGlass: boolean;
}

export interface PermitDecision<C extends DataCategory = DataCategory> extends DecisionOutcome<C> {
  readonly effect: 'permit';
  readonly basis: DecisionBasis;
  /** The most preferred grant (grantIds[0]) when the basis is 'grant'. */
  readonly grantId?: string;
  /** The claim that disclosed the data when the basis is 'claim'. */
  readonly claimId?: string;
  readonly denied: readonly [];
}

export interface DenyDecision<C extends DataCategory = DataCategory> extends DecisionOutcome<C> {
  readonly effect: 'deny';
  /**
   * The closest miss over the denied categories (a grant that only failed on time
   * explains more than one for another purpose); break-glass-not-allowed when a
   * break-glass request was refused.
   */
  readonly reason: DenyReason;
  readonly message: string;
  readonly breakGlass: false;
}

export type Decision<C extends DataCategory = DataCategory> = PermitDecision<C> | DenyDecision<C>;
