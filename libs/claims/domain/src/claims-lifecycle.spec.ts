import { CLAIM_ADJUDICATED_V1, CLAIM_SUBMITTED_V1, CLAIM_VERIFIED_V1, Topics } from '@carechain/contracts';
import { validateFinancialResource } from '@carechain/records-fhir';
import { AdjudicateClaimUseCase } from './adjudicate-claim.use-case';
import { ClaimTransitionsUseCase } from './claim-transitions.use-case';
import { ClaimsErrorCode } from './claims.error';
import { ListCoveragesUseCase, RegisterCoverageUseCase } from './coverages.use-case';
import { ExplanationOfBenefitsUseCase } from './explanation-of-benefits.use-case';
import { CLAIM_STATE_EXTENSION, ReadClaimsUseCase } from './read-claims.use-case';
import { SubmitClaimUseCase } from './submit-claim.use-case';
import { auditor, billingClerk, claim, ClaimsWorld, clinicClerk, coverage, failure, otherPayerClerk, patientOf, payerClerk } from './testing/claims-world';

describe('the claim lifecycle', () => {
  let world: ClaimsWorld;
  let patientId: string;
  let coverageId: string;

  beforeEach(async () => {
    world = await ClaimsWorld.create();
    patientId = await world.registerPatient();
    coverageId = (await new RegisterCoverageUseCase(world.deps()).execute(coverage(patientId), payerClerk)).coverageId;
  });
  afterEach(() => world.dispose());

  const submit = (body: unknown, who = billingClerk) => new SubmitClaimUseCase(world.deps()).execute(body, who);
  const transitions = () => new ClaimTransitionsUseCase(world.deps());

  it('submits a documented claim, decides it in one pass, pays it, and explains it to the patient', async () => {
    const recordId = world.recordEncounter(patientId);
    const submitted = await submit(claim(patientId, coverageId, [{ recordId, price: 80 }]));
    expect(submitted.status).toBe('approved');
    expect(world.publisher.on(Topics.claimsClaim).map((p) => [p.event.type, p.key])).toEqual([
      [expect.anything(), patientId],
      [CLAIM_SUBMITTED_V1, patientId],
      [CLAIM_VERIFIED_V1, patientId],
      [CLAIM_ADJUDICATED_V1, patientId],
    ]);
    expect(validateFinancialResource(submitted.response, 'ClaimResponse')).toMatchObject({ ok: true });

    const paid = await transitions().pay(submitted.claimId, { amount: 70, date: '2026-03-10', remittanceReference: 'REM-1' }, payerClerk);
    expect(paid.status).toBe('paid');

    const [eob] = await new ExplanationOfBenefitsUseCase(world.deps()).execute(patientId, patientOf(patientId));
    expect(validateFinancialResource(eob, 'ExplanationOfBenefit')).toMatchObject({ ok: true });
    expect(eob.payment?.amount).toEqual({ value: 70, currency: 'EUR' });
    const benefit = eob.item?.[0].adjudication?.find((a) => a.category.coding?.[0].code === 'benefit');
    expect(benefit?.amount).toEqual({ value: 70, currency: 'EUR' }); // 80 billed, 10 copay
  });

  it('keeps the claim, its response and the payment sealed: nothing of them in clear in Redis or Kafka', async () => {
    const recordId = world.recordEncounter(patientId);
    const { claimId } = await submit(claim(patientId, coverageId, [{ recordId }]));
    await transitions().pay(claimId, { amount: 70, date: '2026-03-10', remittanceReference: 'REM-SECRET' }, payerClerk);
    const everything = world.redis.dump() + JSON.stringify(world.publisher.published);
    for (const marker of ['99213', 'REM-SECRET', '2026-03-01', 'professional']) expect(everything).not.toContain(marker);
  });

  it('refuses an invalid Claim with its FHIR issues, and an unknown code in a required binding', async () => {
    const error = await failure(submit({ ...claim(patientId, coverageId, [{ recordId: world.recordEncounter(patientId) }]), use: 'bill' }));
    expect(error.code).toBe(ClaimsErrorCode.InvalidResource);
    expect(error.details.issues?.map((i) => [i.path, i.code])).toEqual([['Claim.use', 'code-invalid']]);
  });

  it("refuses an item that names no documenting record, and a claim on another patient's coverage", async () => {
    const undocumented = await failure(submit(claim(patientId, coverageId, [{}])));
    expect(undocumented.code).toBe(ClaimsErrorCode.UnprocessableClaim);
    expect(undocumented.details.issues?.[0].path).toBe('Claim.item[0].informationSequence');
    const other = await world.registerPatient();
    const recordId = world.recordEncounter(other);
    expect((await failure(submit(claim(other, coverageId, [{ recordId }])))).code).toBe(ClaimsErrorCode.UnprocessableClaim);
  });

  it('denies items whose record is missing, of another patient, by another organisation, or of another code or day', async () => {
    const other = await world.registerPatient();
    const items = [
      { recordId: '5d3b9a6e-1c2f-4e8a-9b7d-2a1c3e4f5a6b' },
      { recordId: world.recordEncounter(other), date: '2026-03-03' },
      { recordId: world.recordEncounter(patientId, { author: 'clinic-b', date: '2026-03-04' }), date: '2026-03-04' },
      { recordId: world.recordEncounter(patientId, { code: '99214', date: '2026-03-05' }), date: '2026-03-05' },
      { recordId: world.recordEncounter(patientId, { date: '2026-02-01' }), date: '2026-03-06' },
    ];
    const { status } = await submit(claim(patientId, coverageId, items));
    expect(status).toBe('denied');
    const adjudicated = world.publisher.ofType(CLAIM_ADJUDICATED_V1)[0];
    if (adjudicated.type !== CLAIM_ADJUDICATED_V1) throw new Error('not an adjudication');
    expect(adjudicated.data.items.map((i) => i.reasons.map((r) => r.code))).toEqual([
      ['16', 'M127'],
      ['16', 'N706'],
      ['16', 'N706'],
      ['16', 'N706'],
      ['16', 'N706'],
    ]);
  });

  it('denies the same service billed again as a duplicate (CARC 18)', async () => {
    const recordId = world.recordEncounter(patientId);
    await submit(claim(patientId, coverageId, [{ recordId }]));
    world.at = new Date('2026-03-03T10:00:00Z');
    expect((await submit(claim(patientId, coverageId, [{ recordId }]))).status).toBe('denied');
  });

  it('pends a service needing prior authorisation into the payer queue; a payer person approves it', async () => {
    const recordId = world.recordEncounter(patientId, { code: '70551' });
    const { claimId, status } = await submit(claim(patientId, coverageId, [{ recordId, code: '70551', price: 350 }]));
    expect(status).toBe('pended');
    const queue = await new ReadClaimsUseCase(world.deps()).search({ status: 'pended', count: 20, offset: 0 }, payerClerk);
    expect(queue.claims.map((c) => c.claim.id)).toEqual([claimId]);
    expect((await new ReadClaimsUseCase(world.deps()).search({ status: 'pended', count: 20, offset: 0 }, otherPayerClerk)).total).toBe(0);

    expect((await failure(new AdjudicateClaimUseCase(world.deps()).execute(claimId, { decision: 'approve' }, billingClerk))).code).toBe(
      ClaimsErrorCode.Forbidden,
    );
    const decided = await new AdjudicateClaimUseCase(world.deps()).execute(claimId, { decision: 'approve' }, payerClerk);
    expect(decided.status).toBe('approved');
    const again = await failure(new AdjudicateClaimUseCase(world.deps()).execute(claimId, { decision: 'approve' }, payerClerk));
    expect(again.code).toBe(ClaimsErrorCode.InvalidTransition);
    expect(again.details.currentStatus).toBe('approved');
  });

  it('cancels before adjudication only, and only for the submitting provider', async () => {
    const recordId = world.recordEncounter(patientId, { code: '70551' });
    const { claimId } = await submit(claim(patientId, coverageId, [{ recordId, code: '70551' }]));
    expect((await failure(transitions().cancel(claimId, clinicClerk))).code).toBe(ClaimsErrorCode.Forbidden);
    expect((await transitions().cancel(claimId, billingClerk)).status).toBe('cancelled');
    const paid = await failure(transitions().pay(claimId, { amount: 1, date: '2026-03-10', remittanceReference: 'R' }, payerClerk));
    expect(paid.details.currentStatus).toBe('cancelled');
  });

  it('takes an appeal of a denial and a re-adjudication by the payer', async () => {
    const { claimId } = await submit(claim(patientId, coverageId, [{ recordId: '5d3b9a6e-1c2f-4e8a-9b7d-2a1c3e4f5a6b' }]));
    expect((await failure(transitions().cancel(claimId, billingClerk))).details.currentStatus).toBe('denied');
    expect((await transitions().appeal(claimId, 'the encounter was recorded late', patientOf(patientId))).status).toBe('appealed');
    const decided = await new AdjudicateClaimUseCase(world.deps()).execute(
      claimId,
      { decision: 'deny', reasons: [{ system: 'carc', code: '16' }] },
      payerClerk,
    );
    expect(decided.status).toBe('re-adjudicated');
    const paid = await failure(transitions().pay(claimId, { amount: 1, date: '2026-03-10', remittanceReference: 'R' }, payerClerk));
    expect(paid.code).toBe(ClaimsErrorCode.InvalidTransition);
  });

  it('shows a claim to its provider, insurer, patient and auditors only, with its state', async () => {
    const recordId = world.recordEncounter(patientId);
    const { claimId } = await submit(claim(patientId, coverageId, [{ recordId }]));
    const reads = new ReadClaimsUseCase(world.deps());
    for (const who of [billingClerk, payerClerk, patientOf(patientId), auditor]) {
      const view = await reads.read(claimId, who);
      expect(view.claim.extension).toEqual([{ url: CLAIM_STATE_EXTENSION, valueCode: 'approved' }]);
    }
    for (const who of [clinicClerk, otherPayerClerk, patientOf(await world.registerPatient())])
      expect((await failure(reads.read(claimId, who))).code).toBe(ClaimsErrorCode.Forbidden);
  });

  it('lists coverages: a payer its own, the patient all', async () => {
    await new RegisterCoverageUseCase(world.deps()).execute(coverage(patientId, 'payer-d'), otherPayerClerk);
    const list = new ListCoveragesUseCase(world.deps());
    expect((await list.execute(patientId, patientOf(patientId))).length).toBe(2);
    expect((await list.execute(patientId, payerClerk)).map((c) => c.coverageId)).toEqual([coverageId]);
    expect((await failure(new RegisterCoverageUseCase(world.deps()).execute(coverage(patientId, 'payer-d'), payerClerk))).code).toBe(ClaimsErrorCode.Forbidden);
  });

  it('waits in submitted for the ledger when the chain verdict is awaited', async () => {
    const recordId = world.recordEncounter(patientId);
    const submitted = await new SubmitClaimUseCase(world.deps({ settings: { awaitChainVerdict: true } })).execute(
      claim(patientId, coverageId, [{ recordId }]),
      billingClerk,
    );
    expect(submitted.status).toBe('submitted');
    expect(world.publisher.ofType(CLAIM_VERIFIED_V1)).toEqual([]);
  });

  it('answers 410-worthy errors once the patient is erased, and forgets their claims', async () => {
    const recordId = world.recordEncounter(patientId);
    const { claimId } = await submit(claim(patientId, coverageId, [{ recordId }]));
    world.erase(patientId);
    expect((await failure(new ReadClaimsUseCase(world.deps()).read(claimId, auditor))).code).toBe(ClaimsErrorCode.PatientErased);
    expect(world.redis.dump()).not.toContain('submission');
  });
});
