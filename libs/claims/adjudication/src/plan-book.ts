// Every version of every payer's benefit plans. A decision uses the newest version
// and names it; older versions stay so a decision can be explained later.
import { AdjudicationError, AdjudicationErrorCode } from './adjudication.error';
import type { BenefitPlan } from '@carechain/contracts';

const keyOf = (payer: string, planId: string) => `${payer}\u0000${planId}`;

export class PlanBook {
  private readonly plans = new Map<string, BenefitPlan[]>();

  /** Adds a version; it must be newer than the plan's latest. */
  add(plan: BenefitPlan): void {
    const versions = this.plans.get(keyOf(plan.payer, plan.planId)) ?? [];
    const latest = versions.at(-1);
    if (latest !== undefined && plan.version <= latest.version) {
      throw new AdjudicationError(
        AdjudicationErrorCode.StalePlanVersion,
        `plan ${plan.planId} of ${plan.payer} is at version ${latest.version}; ${plan.version} is not newer`,
      );
    }
    this.plans.set(keyOf(plan.payer, plan.planId), [...versions, plan]);
  }

  /** The newest version of the payer's plan, or undefined. */
  current(payer: string, planId: string): BenefitPlan | undefined {
    return this.plans.get(keyOf(payer, planId))?.at(-1);
  }

  version(payer: string, planId: string, version: number): BenefitPlan | undefined {
    return this.plans.get(keyOf(payer, planId))?.find((p) => p.version === version);
  }

  /** The latest version of each plan of a payer (all payers when omitted). */
  list(payer?: string): BenefitPlan[] {
    return [...this.plans.values()].map((versions) => versions[versions.length - 1]).filter((p) => payer === undefined || p.payer === payer);
  }
}
