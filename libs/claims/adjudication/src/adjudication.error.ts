// The adjudication lib's one error: the plans it is given, not the claims it
// decides (a claim's failures are reason codes on its items, never exceptions).
export enum AdjudicationErrorCode {
  InvalidPlan = 'invalid-plan',
  /** A plan version not newer than the one already loaded. */
  StalePlanVersion = 'stale-plan-version',
  PlanNotFound = 'plan-not-found',
}

export class AdjudicationError extends Error {
  constructor(
    readonly code: AdjudicationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AdjudicationError';
  }
}
