// A payer's rules as data: one benefit plan per coverage plan, versioned (the shape
// is published in @carechain/contracts, since plans also travel as events). The
// engine works in minor units (cents) so that sums are exact.
import { benefitPlanSchema, type BenefitPlan } from '@carechain/contracts';
import { AdjudicationError, AdjudicationErrorCode } from './adjudication.error';

export type ServiceRule = BenefitPlan['services'][string];

/** A plan from JSON (a file or an admin request); throws InvalidPlan naming each problem. */
export function parseBenefitPlan(json: unknown): BenefitPlan {
  const parsed = benefitPlanSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(plan)'}: ${i.message}`);
    throw new AdjudicationError(AdjudicationErrorCode.InvalidPlan, `not a valid benefit plan: ${problems.join('; ')}`);
  }
  return parsed.data;
}
