// A payer publishes a new version of one of its benefit plans (the admin endpoint
// beside the plans file). It must parse and be newer than the version in force;
// it reaches every claims instance through claims.claim.v1, keyed by the payer, and
// the answer waits until this instance decides with it.
import { BENEFIT_PLAN_PUBLISHED_V1, createEvent, Topics, type BenefitPlan } from '@carechain/contracts';
import { AdjudicationError, parseBenefitPlan } from '@carechain/claims-adjudication';
import { ClaimsKit, type ClaimsDeps } from './claims.deps';
import { ClaimsError, ClaimsErrorCode, forbidden } from './claims.error';
import { CLAIMS_SOURCE } from './claims-topology';
import { isPayer, type Requester } from './requester';

export interface PublishedPlan {
  readonly payer: string;
  readonly planId: string;
  readonly version: number;
  readonly eventId: string;
}

export class PublishBenefitPlanUseCase {
  private readonly kit: ClaimsKit;

  constructor(deps: ClaimsDeps) {
    this.kit = new ClaimsKit(deps);
  }

  async execute(body: unknown, requester: Requester): Promise<PublishedPlan> {
    let plan: BenefitPlan;
    try {
      plan = parseBenefitPlan(body);
    } catch (err) {
      if (err instanceof AdjudicationError) throw new ClaimsError(ClaimsErrorCode.InvalidPlan, err.message);
      throw err;
    }
    if (!isPayer(requester) || requester.organisation !== plan.payer) throw forbidden(`only ${plan.payer} publishes its plans`);
    const plans = this.kit.deps.plans;
    const held = plans.current(plan.payer, plan.planId);
    if (held !== undefined && plan.version <= held.version) {
      throw new ClaimsError(ClaimsErrorCode.PlanVersionConflict, `plan ${plan.planId} of ${plan.payer} is at version ${held.version}; publish a newer one`);
    }
    const event = createEvent({
      type: BENEFIT_PLAN_PUBLISHED_V1,
      source: CLAIMS_SOURCE,
      actor: requester.subject,
      actororg: requester.organisation,
      time: this.kit.now(),
      data: { plan, publishedBy: { subject: requester.subject, organisation: requester.organisation } },
    });
    const written = await this.kit.deps.publisher.publish(Topics.claimsClaim, event, { key: plan.payer });
    // The plans replica, which every instance decides with, applies it.
    await this.kit.deps.progress.replicas.caughtUpTo([written], this.kit.timing.visibleWaitMs);
    return { payer: plan.payer, planId: plan.planId, version: plan.version, eventId: event.id };
  }
}
