import { BENEFIT_PLAN_PUBLISHED_V1, Topics } from '@carechain/contracts';
import { ClaimsErrorCode } from './claims.error';
import { PublishBenefitPlanUseCase } from './publish-benefit-plan.use-case';
import { ClaimsWorld, failure, GOLD, otherPayerClerk, PAYER, payerClerk } from './testing/claims-world';

describe('publishing a benefit plan', () => {
  let world: ClaimsWorld;
  beforeEach(async () => (world = await ClaimsWorld.create()));
  afterEach(() => world.dispose());

  const publish = (body: unknown, who = payerClerk) => new PublishBenefitPlanUseCase(world.deps()).execute(body, who);

  it('publishes a newer version keyed by the payer, and decides with it', async () => {
    const published = await publish({ ...GOLD, version: 2, copay: 5 });
    expect(published).toMatchObject({ payer: PAYER, planId: 'gold-2026', version: 2 });
    expect(world.publisher.on(Topics.claimsClaim).map((p) => [p.event.type, p.key])).toEqual([[BENEFIT_PLAN_PUBLISHED_V1, PAYER]]);
    expect(world.plans.current(PAYER, 'gold-2026')).toMatchObject({ version: 2, copay: 5 });
  });

  it("refuses a version not newer (409), another payer's plan (403) and a plan that does not parse (422)", async () => {
    expect((await failure(publish({ ...GOLD, version: 1 }))).code).toBe(ClaimsErrorCode.PlanVersionConflict);
    expect((await failure(publish({ ...GOLD, version: 2 }, otherPayerClerk))).code).toBe(ClaimsErrorCode.Forbidden);
    expect((await failure(publish({ ...GOLD, version: 2, coinsurance: 3 }))).code).toBe(ClaimsErrorCode.InvalidPlan);
    expect(world.publisher.published).toEqual([]);
  });

  it('leaves out a replayed version it already holds', () => {
    const event = { topic: Topics.claimsClaim, partition: 0, offset: '0', key: PAYER, traceContext: undefined as never };
    world.planReplica.apply({
      ...event,
      event: { type: BENEFIT_PLAN_PUBLISHED_V1, data: { plan: GOLD, publishedBy: { subject: 'x', organisation: PAYER } } } as never,
    });
    expect(world.plans.list(PAYER).map((p) => p.version)).toEqual([1]);
  });
});
