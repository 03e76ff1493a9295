import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { CLAIM_ADJUDICATED_V1, CLAIM_VERDICT_V1, CLAIM_VERIFIED_V1, createEvent, validateEvent, type ClaimVerdictV1 } from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';
import { createLogger } from '@carechain/telemetry';
import { ApplyChainVerdictUseCase } from './chain-verdict.use-case';
import { ChainVerdictsHandler } from './chain-verdicts.handler';
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

describe('ChainVerdictsHandler', () => {
  const logger = createLogger('test', 'silent');
  let world: ClaimsWorld;
  let claimId: string;
  let patientId: string;

  beforeEach(async () => {
    world = await ClaimsWorld.create();
    patientId = await world.registerPatient();
    const { coverageId } = await new RegisterCoverageUseCase(world.deps()).execute(coverage(patientId), payerClerk);
    const deps = world.deps({ settings: { awaitChainVerdict: true } });
    claimId = (await new SubmitClaimUseCase(deps).execute(claim(patientId, coverageId, [{ recordId: world.recordEncounter(patientId) }]), billingClerk))
      .claimId;
  });
  afterEach(() => world.dispose());

  const verdict = (data: Partial<ClaimVerdictV1>): ConsumedRecord => {
    const event = validateEvent(
      createEvent({
        type: CLAIM_VERDICT_V1,
        source: '/carechain/ledger-writer',
        subject: patientId,
        data: {
          claimId,
          transitionId: randomUUID(),
          kind: 'submit',
          accepted: true,
          refusal: null,
          detail: null,
          chainStatus: 'submitted',
          mspId: 'ProviderOrgMSP',
          txId: 'tx1',
          ...data,
        },
      }),
    );
    return { topic: 'ledger.claim.v1', partition: 0, offset: '0', key: patientId, value: Buffer.alloc(0), event, traceContext: ROOT_CONTEXT };
  };
  const handle = (...records: ConsumedRecord[]) =>
    new ChainVerdictsHandler(new ApplyChainVerdictUseCase(world.deps()), logger).handle({ topic: 'ledger.claim.v1', partition: 0, records, lastOffset: '0' });
  const status = async () => (await world.store.claim(patientId, claimId))!.status;

  it('moves a submitted claim on the verdict on its submission: refused as a duplicate, it is denied', async () => {
    await handle(verdict({ accepted: false, refusal: 'duplicate-service', chainStatus: 'refused' }));
    expect(await status()).toBe('denied');
    expect(world.publisher.ofType(CLAIM_ADJUDICATED_V1)[0]!.data).toMatchObject({ decidedBy: { kind: 'chain' } });
  });

  it('accepted, the claim is verified on the chain and adjudicated', async () => {
    await handle(verdict({}));
    expect(await status()).toBe('approved');
  });

  it('ignores verdicts on later transitions and refusals that say nothing of the claim', async () => {
    await handle(verdict({ kind: 'adjudicate', accepted: false, refusal: 'wrong-organisation' }), verdict({ accepted: false, refusal: 'claim-exists' }));
    expect(await status()).toBe('submitted');
  });

  it('fails a verdict on a claim it does not hold (yet), for the consumer to retry and then dead-letter it', async () => {
    await expect(handle(verdict({ claimId: randomUUID() }))).rejects.toMatchObject({ code: 'claim-not-found' });
  });
});
