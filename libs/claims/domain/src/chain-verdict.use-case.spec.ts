import { CLAIM_ADJUDICATED_V1, CLAIM_VERIFIED_V1 } from '@carechain/contracts';
import { ApplyChainVerdictUseCase } from './chain-verdict.use-case';
import { RegisterCoverageUseCase } from './coverages.use-case';
import { SubmitClaimUseCase } from './submit-claim.use-case';
import { billingClerk, claim, ClaimsWorld, coverage, payerClerk } from './testing/claims-world';

describe('the chain verdict', () => {
  let world: ClaimsWorld;
  let claimId: string;

  beforeEach(async () => {
    world = await ClaimsWorld.create();
    const patientId = await world.registerPatient();
    const { coverageId } = await new RegisterCoverageUseCase(world.deps()).execute(coverage(patientId), payerClerk);
    const recordId = world.recordEncounter(patientId);
    const deps = world.deps({ settings: { awaitChainVerdict: true } });
    claimId = (await new SubmitClaimUseCase(deps).execute(claim(patientId, coverageId, [{ recordId }]), billingClerk)).claimId;
  });
  afterEach(() => world.dispose());

  it("verifies an accepted claim on the chain's word and adjudicates it", async () => {
    expect(await new ApplyChainVerdictUseCase(world.deps()).execute({ claimId, accepted: true })).toBe('approved');
    const [verified] = world.publisher.ofType(CLAIM_VERIFIED_V1);
    expect(verified.data).toMatchObject({ basis: 'chain' });
  });

  it("denies a refused claim with the refusal's X12 codes, decided by the chain", async () => {
    expect(await new ApplyChainVerdictUseCase(world.deps()).execute({ claimId, accepted: false, refusal: 'undocumented-service' })).toBe('denied');
    const [adjudicated] = world.publisher.ofType(CLAIM_ADJUDICATED_V1);
    expect(adjudicated.data).toMatchObject({
      outcome: 'denied',
      decidedBy: { kind: 'chain' },
      items: [
        {
          sequence: 1,
          reasons: [
            { system: 'carc', code: '16' },
            { system: 'rarc', code: 'M127' },
          ],
        },
      ],
    });
    expect(world.publisher.ofType(CLAIM_VERIFIED_V1)).toEqual([]);
  });

  it('changes nothing when a verdict is delivered again', async () => {
    const apply = new ApplyChainVerdictUseCase(world.deps());
    await apply.execute({ claimId, accepted: true });
    const published = world.publisher.published.length;
    expect(await apply.execute({ claimId, accepted: false, refusal: 'duplicate-service' })).toBe('approved');
    expect(world.publisher.published.length).toBe(published);
  });
});
