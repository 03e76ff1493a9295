import 'reflect-metadata';
import type { ClaimRecord, ClaimTransition, ClaimTransitionOutcome } from '@carechain/ledger-chaincode-api';
import { AnchorContract } from '../anchor/anchor.contract';
import { hex64, positional } from '../testing/anchor-fixtures';
import { adjudicateTransition, batchOf, change, documentation, DOCUMENTED_BATCH, submitTransition } from '../testing/claim-fixtures';
import { fakeContext } from '../testing/fake-context';
import { FakeWorldState } from '../testing/fake-world-state';
import { ClaimContract } from './claim.contract';

const ANCHORED_AT = new Date('2025-03-01T18:00:00.000Z');
const PROVIDER = 'ProviderOrgMSP';
const PAYER = 'PayerOrgMSP';

describe('ClaimContract', () => {
  let world: FakeWorldState;
  let clock: number;
  const contract = new ClaimContract();

  beforeEach(async () => {
    world = new FakeWorldState();
    clock = Date.parse('2025-03-02T10:00:00.000Z');
    const tx = world.begin(ANCHORED_AT);
    await new AnchorContract().AnchorBatch(fakeContext(tx, PROVIDER), ...positional(DOCUMENTED_BATCH));
    world.commit(tx);
  });

  async function apply(mspId: string, ...transitions: ClaimTransition[]) {
    const tx = world.begin(new Date((clock += 1000)));
    const result = await contract.ApplyTransitions(fakeContext(tx, mspId), batchOf(...transitions));
    world.commit(tx);
    return { tx, outcomes: JSON.parse(result) as ClaimTransitionOutcome[] };
  }
  const claimOf = async (claimId: string) => JSON.parse(await contract.GetClaim(fakeContext(world.begin(new Date(clock)), PAYER), claimId)) as ClaimRecord;
  const refusals = (outcomes: ClaimTransitionOutcome[]) => outcomes.map((o) => o.refusal);

  it('is the "claim" contract', () => {
    expect(contract.getName()).toBe('claim');
  });

  it('accepts a documented claim from ProviderOrg, keeps only commitments, and emits the outcomes', async () => {
    const submit = submitTransition();
    const { tx, outcomes } = await apply(PROVIDER, submit);
    expect(outcomes).toEqual([
      {
        transitionId: submit.transitionId,
        claimId: submit.claimId,
        kind: 'submit',
        accepted: true,
        refusal: null,
        detail: null,
        status: 'submitted',
        replayed: false,
      },
    ]);
    expect(tx.events).toEqual([{ name: 'ClaimTransitionsApplied', payload: JSON.stringify(outcomes) }]);
    const stored = await claimOf(submit.claimId);
    expect(stored).toMatchObject({ claimId: submit.claimId, providerOrg: 'hospital-a', payerOrg: 'insurer-x', status: 'submitted', submittedAt: submit.at });
    expect(stored.items).toEqual(
      submit.items.map((i) => ({
        serviceCommitment: i.serviceCommitment,
        eventCommitment: i.documentation!.eventCommitment,
        batchId: DOCUMENTED_BATCH.batchId,
      })),
    );
    expect(stored.history).toEqual([
      { transitionId: submit.transitionId, kind: 'submit', status: 'submitted', at: submit.at, txId: tx.getTxID(), mspId: PROVIDER },
    ]);
  });

  it('copies nothing it was not asked to keep (a patient id in the batch stays off the chain)', async () => {
    const submit = { ...submitTransition(), patientId: 'patient-0042', serviceCode: '99213' };
    const { tx } = await apply(PROVIDER, submit);
    expect([...tx.writes.values()].map(String).join()).not.toMatch(/patient-0042|99213/);
  });

  describe('who may move a claim', () => {
    it('refuses a submission from PayerOrg and an adjudication from ProviderOrg (wrong-organisation), writing nothing', async () => {
      const submit = submitTransition();
      const byPayer = await apply(PAYER, submit);
      expect(refusals(byPayer.outcomes)).toEqual(['wrong-organisation']);
      expect(byPayer.tx.writes.size).toBe(0);
      await apply(PROVIDER, submit);
      const byProvider = await apply(PROVIDER, adjudicateTransition(submit.claimId), change('pay', submit.claimId));
      expect(refusals(byProvider.outcomes)).toEqual(['wrong-organisation', 'wrong-organisation']);
      expect(byProvider.tx.writes.size).toBe(0);
      expect((await claimOf(submit.claimId)).status).toBe('submitted');
    });

    it('refuses a cancellation from PayerOrg', async () => {
      const submit = submitTransition();
      await apply(PROVIDER, submit);
      expect(refusals((await apply(PAYER, change('cancel', submit.claimId))).outcomes)).toEqual(['wrong-organisation']);
    });
  });

  describe('billing verification (undocumented-service)', () => {
    const refusedWith = async (items: ReturnType<typeof submitTransition>['items'], at?: string) => {
      const submit = submitTransition({ items, ...(at && { at }) });
      const { outcomes } = await apply(PROVIDER, submit);
      expect(outcomes[0]).toMatchObject({ accepted: false, refusal: 'undocumented-service', status: 'refused' });
      expect((await claimOf(submit.claimId)).status).toBe('refused');
      return outcomes[0]!.detail;
    };
    const service = hex64('a service');

    it('refuses an item whose proof does not lead to the batch root', async () => {
      const proof = documentation(2);
      expect(await refusedWith([{ serviceCommitment: service, documentation: { ...proof, proof: [...proof.proof].reverse() } }])).toMatch(/inclusion proof/);
    });

    it('refuses an item whose leaf is not the documented event (one bit changed)', async () => {
      const proof = documentation(2);
      const forged = (parseInt(proof.eventCommitment[0]!, 16) ^ 1).toString(16) + proof.eventCommitment.slice(1);
      expect(await refusedWith([{ serviceCommitment: service, documentation: { ...proof, eventCommitment: forged } }])).toMatch(/inclusion proof/);
    });

    it('refuses an item naming a batch that is not anchored, or no documentation at all', async () => {
      expect(await refusedWith([{ serviceCommitment: service, documentation: { ...documentation(0), batchId: hex64('never anchored') } }])).toMatch(
        /not anchored/,
      );
      expect(await refusedWith([{ serviceCommitment: hex64('another'), documentation: null }])).toMatch(/no anchored record event/);
    });

    it('refuses documentation anchored after the claim was submitted', async () => {
      expect(await refusedWith([{ serviceCommitment: service, documentation: documentation(0) }], '2025-03-01T17:59:59.999Z')).toMatch(/after the claim/);
    });

    it('holds no service for a refused claim: a documented claim for it is accepted afterwards', async () => {
      await refusedWith([{ serviceCommitment: service, documentation: null }]);
      const { outcomes } = await apply(PROVIDER, submitTransition({ items: [{ serviceCommitment: service, documentation: documentation(0) }] }));
      expect(outcomes[0]!.accepted).toBe(true);
    });
  });

  describe('duplicate billing (duplicate-service)', () => {
    it('refuses the same service billed to a second payer, naming the first claim', async () => {
      const first = submitTransition();
      await apply(PROVIDER, first);
      const second = submitTransition({ payerOrg: 'insurer-y', items: [first.items[1]!] });
      const { outcomes } = await apply(PROVIDER, second);
      expect(outcomes[0]).toMatchObject({ accepted: false, refusal: 'duplicate-service', status: 'refused' });
      expect(outcomes[0]!.detail).toContain(first.claimId);
    });

    it('refuses the second of two claims for one service in the same transaction, and a claim billing a service twice', async () => {
      const first = submitTransition();
      const twin = submitTransition({ items: [first.items[0]!] });
      const selfDuplicate = submitTransition({
        items: [
          { ...first.items[1]!, serviceCommitment: hex64('x') },
          { ...first.items[1]!, serviceCommitment: hex64('x') },
        ],
      });
      const { outcomes } = await apply(PROVIDER, first, twin, selfDuplicate);
      expect(refusals(outcomes)).toEqual([null, 'duplicate-service', 'duplicate-service']);
    });

    it('frees the services of a cancelled claim for a corrected one', async () => {
      const first = submitTransition();
      await apply(PROVIDER, first);
      await apply(PROVIDER, change('cancel', first.claimId));
      const { outcomes } = await apply(PROVIDER, submitTransition({ items: first.items }));
      expect(outcomes[0]!.accepted).toBe(true);
    });
  });

  describe('the state machine', () => {
    it('takes a claim through adjudicated to paid, and both history entries name their organisation', async () => {
      const submit = submitTransition();
      await apply(PROVIDER, submit);
      const adjudicate = adjudicateTransition(submit.claimId);
      const pay = change('pay', submit.claimId);
      // One transaction: the contract reads its own writes, which Fabric's stub does not.
      const { outcomes } = await apply(PAYER, adjudicate, pay);
      expect(outcomes.map((o) => [o.accepted, o.status])).toEqual([
        [true, 'adjudicated'],
        [true, 'paid'],
      ]);
      const stored = await claimOf(submit.claimId);
      expect(stored).toMatchObject({ status: 'paid', outcome: 'approved', reasonCodes: ['carc:45'], total: { value: '150.00', currency: 'EUR' } });
      expect(stored.history.map((h) => [h.kind, h.status, h.mspId])).toEqual([
        ['submit', 'submitted', PROVIDER],
        ['adjudicate', 'adjudicated', PAYER],
        ['pay', 'paid', PAYER],
      ]);
    });

    it('refuses illegal transitions: pay before adjudication, cancel after it, adjudicate a paid claim, anything on an unknown claim', async () => {
      const submit = submitTransition();
      await apply(PROVIDER, submit);
      expect(refusals((await apply(PAYER, change('pay', submit.claimId))).outcomes)).toEqual(['illegal-transition']);
      await apply(PAYER, adjudicateTransition(submit.claimId));
      expect(refusals((await apply(PROVIDER, change('cancel', submit.claimId))).outcomes)).toEqual(['illegal-transition']);
      await apply(PAYER, change('pay', submit.claimId));
      expect(refusals((await apply(PAYER, adjudicateTransition(submit.claimId))).outcomes)).toEqual(['illegal-transition']);
      expect(refusals((await apply(PAYER, adjudicateTransition(submitTransition().claimId))).outcomes)).toEqual(['claim-not-found']);
    });

    it('re-adjudicates a pended claim, never pays a denied one, and refuses a second submission of a claim id', async () => {
      const submit = submitTransition();
      await apply(PROVIDER, submit);
      await apply(PAYER, adjudicateTransition(submit.claimId, { outcome: 'pended', reasonCodes: [] }));
      await apply(PAYER, adjudicateTransition(submit.claimId, { outcome: 'denied', reasonCodes: ['carc:96'] }));
      expect(refusals((await apply(PAYER, change('pay', submit.claimId))).outcomes)).toEqual(['illegal-transition']);
      expect(refusals((await apply(PROVIDER, { ...submitTransition(), claimId: submit.claimId })).outcomes)).toEqual(['claim-exists']);
    });

    it('answers a retried transition with what the chain decided, writing nothing', async () => {
      const good = submitTransition();
      const bad = submitTransition({ items: [{ serviceCommitment: hex64('y'), documentation: null }] });
      await apply(PROVIDER, good, bad);
      const retry = await apply(PROVIDER, good, bad);
      expect(retry.outcomes.map((o) => [o.accepted, o.refusal, o.replayed])).toEqual([
        [true, null, true],
        [false, 'undocumented-service', true],
      ]);
      expect(retry.tx.writes.size).toBe(0);
    });
  });

  it('refuses a malformed batch as a whole (INVALID_ARGUMENT)', async () => {
    const tx = world.begin(new Date(clock));
    const ctx = fakeContext(tx, PROVIDER);
    await expect(contract.ApplyTransitions(ctx, 'not json')).rejects.toThrow(/^INVALID_ARGUMENT: /);
    await expect(contract.ApplyTransitions(ctx, batchOf())).rejects.toThrow(/INVALID_ARGUMENT: transitions must be/);
    await expect(contract.ApplyTransitions(ctx, batchOf({ ...submitTransition(), claimId: 'P-0042' }))).rejects.toThrow(/claimId/);
    await expect(contract.ApplyTransitions(ctx, batchOf({ ...submitTransition(), total: { value: '1e3', currency: 'EUR' } }))).rejects.toThrow(/total.value/);
    expect(tx.writes.size).toBe(0);
  });

  it('GetClaim refuses an unknown claim with claim-not-found', async () => {
    await expect(contract.GetClaim(fakeContext(world.begin(new Date(clock)), PAYER), submitTransition().claimId)).rejects.toThrow(/^claim-not-found: /);
  });
});
