import { createHmac, randomUUID } from 'node:crypto';
import { CLAIM_COMMITTED_V1, CLAIM_SUBMITTED_V1, type ClaimCommittedV1 } from '@carechain/contracts';
import { canonicalJson } from '@carechain/ledger-merkle';
import { claimTotal } from './claim-commitments';
import { RegisterCoverageUseCase } from './coverages.use-case';
import { SubmitClaimUseCase } from './submit-claim.use-case';
import { billingClerk, claim, ClaimsWorld, coverage, CPT, HOSPITAL, OTHER_PAYER, otherPayerClerk, payerClerk } from './testing/claims-world';

describe("ClaimCommitted: the chain's share of a claim", () => {
  let world: ClaimsWorld;
  let patientId: string;
  let coverageId: string;

  beforeEach(async () => {
    world = await ClaimsWorld.create();
    patientId = await world.registerPatient();
    coverageId = (await new RegisterCoverageUseCase(world.deps()).execute(coverage(patientId), payerClerk)).coverageId;
  });
  afterEach(() => world.dispose());

  const submit = (body: unknown, awaitChainVerdict = true) =>
    new SubmitClaimUseCase(world.deps({ settings: { awaitChainVerdict } })).execute(body, billingClerk);
  const committed = () => world.publisher.ofType(CLAIM_COMMITTED_V1).map((e) => e.data as ClaimCommittedV1);

  it('is published with ClaimSubmitted when the verdict is awaited: commitments under the patient salt, and each item’s documenting event', async () => {
    const recordId = world.recordEncounter(patientId);
    const unknownRecord = randomUUID(); // never written, or not yet seen by claims
    const { claimId } = await submit(
      claim(patientId, coverageId, [
        { recordId, price: 80, quantity: 2 },
        { recordId: unknownRecord, code: '99214', price: 12.5 },
      ]),
    );
    const [c] = committed();
    const salt = world.keys.current(patientId)!.salt;
    const hmac = (value: unknown) => createHmac('sha256', salt).update(canonicalJson(value)).digest('hex');
    expect(c).toMatchObject({ claimId, patientId, provider: HOSPITAL, insurer: 'payer-c', total: { value: '172.50', currency: 'EUR' } });
    expect(c!.items).toEqual([
      {
        sequence: 1,
        serviceCommitment: hmac({ patientId, provider: HOSPITAL, system: CPT, code: '99213', date: '2026-03-01' }),
        documentingEventId: world.recordEvents.get(recordId),
      },
      { sequence: 2, serviceCommitment: hmac({ patientId, provider: HOSPITAL, system: CPT, code: '99214', date: '2026-03-01' }), documentingEventId: null },
    ]);
    expect(world.publisher.published.slice(-2).map((p) => p.event.type)).toEqual([CLAIM_SUBMITTED_V1, CLAIM_COMMITTED_V1]);
  });

  it('commits the same service to the same value whichever payer it is billed to, and another service to another', async () => {
    const other = (await new RegisterCoverageUseCase(world.deps()).execute(coverage(patientId, OTHER_PAYER), otherPayerClerk)).coverageId;
    const recordId = world.recordEncounter(patientId);
    await submit(claim(patientId, coverageId, [{ recordId }]));
    await submit(claim(patientId, other, [{ recordId }]));
    await submit(claim(patientId, other, [{ recordId, date: '2026-03-02' }]));
    const [first, second, third] = committed().map((c) => c.items[0]!.serviceCommitment);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
  });

  it('names no documenting event for a record of another patient', async () => {
    const stranger = await world.registerPatient();
    const recordId = world.recordEncounter(stranger);
    await submit(claim(patientId, coverageId, [{ recordId }]));
    expect(committed().map((c) => c.items[0]!.documentingEventId)).toEqual([null]);
  });

  it('is not published when claims verifies the claim itself', async () => {
    await submit(claim(patientId, coverageId, [{ recordId: world.recordEncounter(patientId) }]), false);
    expect(committed()).toEqual([]);
  });

  it('sums the total in cents, without float drift', () => {
    const item = { sequence: 1, code: { code: 'x' }, serviceDate: '2026-03-01', currency: 'USD' };
    expect(
      claimTotal([
        { ...item, quantity: 3, unitPrice: 10 },
        { ...item, quantity: 1, unitPrice: 7 },
      ]),
    ).toEqual({ value: '0.37', currency: 'USD' });
  });
});
