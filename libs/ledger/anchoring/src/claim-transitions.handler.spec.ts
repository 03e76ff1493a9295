import { randomBytes, randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import {
  CLAIM_ADJUDICATED_V1,
  CLAIM_CANCELLED_V1,
  CLAIM_COMMITTED_V1,
  CLAIM_PAID_V1,
  createEvent,
  validateEvent,
  type ClaimVerdictV1,
} from '@carechain/contracts';
import type { AppliedTransitions, ClaimChain, ClaimRecord, ClaimTransition, DocumentationProof } from '@carechain/ledger-chaincode-api';
import { TransientError, type ConsumedRecord, type RecordBatch } from '@carechain/messaging';
import { RecordingPublisher } from '@carechain/messaging/testing';
import { createLogger } from '@carechain/telemetry';
import { ClaimTransitionsHandler } from './claim-transitions.handler';
import { MemoryDocumentationIndex } from './testing/memory-documentation-index';

const PATIENT = randomUUID();
const CLAIM = randomUUID();
const RECORD_EVENT = randomUUID();
const hex = (c: string) => c.repeat(64);
const sealed = { alg: 'A256GCM', keyVersion: 1, iv: 'aaaaaaaaaaaaaaaa', ct: 'aaaa', tag: 'aaaaaaaaaaaaaaaaaaaaaa' };
const actor = { subject: 'u', organisation: 'hospital-a' };

class FakeChain implements ClaimChain {
  readonly submitted: ClaimTransition[][] = [];
  down = false;
  constructor(readonly mspId: string) {}
  async applyTransitions(transitions: readonly ClaimTransition[]): Promise<AppliedTransitions> {
    if (this.down) throw new Error('14 UNAVAILABLE: endorsement failed');
    this.submitted.push([...transitions]);
    const outcomes = transitions.map((t) => ({
      transitionId: t.transitionId,
      claimId: t.claimId,
      kind: t.kind,
      accepted: t.kind !== 'submit' || t.items.every((i) => i.documentation !== null),
      refusal: t.kind === 'submit' && t.items.some((i) => i.documentation === null) ? ('undocumented-service' as const) : null,
      detail: null,
      status: 'submitted' as const,
      replayed: false,
    }));
    return { outcomes, txId: `tx${this.submitted.length}`, blockNumber: '7', mspId: this.mspId };
  }
  async getClaim(): Promise<ClaimRecord | undefined> {
    return undefined;
  }
}

/** Each transaction commits only when the test says so (in any order); records how many awaited their commit at once. */
class GatedChain implements ClaimChain {
  readonly submitted: ClaimTransition[][] = [];
  readonly gates: { commit(): void; fail(err: Error): void }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(readonly mspId: string) {}
  applyTransitions(transitions: readonly ClaimTransition[]): Promise<AppliedTransitions> {
    const tx = `tx${this.submitted.push([...transitions])}`;
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    return new Promise((resolve, reject) => {
      this.gates.push({
        commit: () => {
          this.inFlight--;
          const outcomes = transitions.map((t) => ({ ...t, accepted: true, refusal: null, detail: null, status: 'submitted' as const, replayed: false }));
          resolve({ outcomes, txId: tx, blockNumber: '7', mspId: this.mspId });
        },
        fail: (err) => {
          this.inFlight--;
          reject(err);
        },
      });
    });
  }
  async getClaim(): Promise<ClaimRecord | undefined> {
    return undefined;
  }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

let offset = 0;
function consumed(type: string, data: object): ConsumedRecord {
  const event = validateEvent(createEvent({ type, source: '/carechain/claims', subject: PATIENT, time: new Date('2026-12-01T10:00:00Z'), data }));
  return { topic: 'claims.claim.v1', partition: 0, offset: String(offset++), key: PATIENT, value: Buffer.alloc(0), event, traceContext: ROOT_CONTEXT };
}
const batchOf = (...records: ConsumedRecord[]): RecordBatch => ({
  topic: 'claims.claim.v1',
  partition: 0,
  records,
  lastOffset: records[records.length - 1]!.offset,
});

const submission = (claimId: string, serviceCommitment: string, documentingEventId: string | null) =>
  consumed(CLAIM_COMMITTED_V1, {
    claimId,
    patientId: PATIENT,
    provider: 'hospital-a',
    insurer: 'insurer-x',
    submittedAt: '2026-12-01T10:00:00.000Z',
    contentCommitment: hex('c'),
    total: { value: '80.00', currency: 'EUR' },
    items: [{ sequence: 1, serviceCommitment, documentingEventId }],
  });
const committed = (documentingEventId: string | null = RECORD_EVENT, claimId = CLAIM) => submission(claimId, hex('d'), documentingEventId);
/** A documented submission of its own claim, billing a service of its own. */
const fresh = (claimId: string = randomUUID(), serviceCommitment = randomBytes(32).toString('hex')) => submission(claimId, serviceCommitment, RECORD_EVENT);
const cancelled = () => consumed(CLAIM_CANCELLED_V1, { claimId: CLAIM, patientId: PATIENT, cancelledBy: actor });
const adjudicated = (decidedBy: object = { kind: 'engine' }) =>
  consumed(CLAIM_ADJUDICATED_V1, {
    claimId: CLAIM,
    patientId: PATIENT,
    outcome: 'partially-approved',
    reAdjudication: false,
    decidedBy,
    items: [
      { sequence: 1, reasons: [{ system: 'carc', code: '45' }] },
      {
        sequence: 2,
        reasons: [
          { system: 'carc', code: '45' },
          { system: 'rarc', code: 'N130' },
        ],
      },
    ],
    response: sealed,
  });
const paid = () => consumed(CLAIM_PAID_V1, { claimId: CLAIM, patientId: PATIENT, paidBy: actor, payment: sealed });

describe('ClaimTransitionsHandler', () => {
  const logger = createLogger('test', 'silent');
  const proof: DocumentationProof = { eventCommitment: hex('e'), batchId: hex('b'), leafIndex: 3, proof: [hex('1'), hex('2')] };
  let index: MemoryDocumentationIndex;
  let published: RecordingPublisher;
  const handler = (chain: ClaimChain, waitMs = 0) => new ClaimTransitionsHandler(chain, index, published, logger, { documentationWaitMs: waitMs });

  beforeEach(() => {
    index = new MemoryDocumentationIndex();
    published = new RecordingPublisher();
  });

  it("ProviderOrg: a batch's submissions and cancellations go in one transaction, payer-side events stay for the payer", async () => {
    await index.putAll(new Map([[RECORD_EVENT, proof]]));
    const chain = new FakeChain('ProviderOrgMSP');
    const other = randomUUID();
    await handler(chain).handle(batchOf(committed(), adjudicated(), committed(RECORD_EVENT, other), paid(), cancelled()));
    expect(chain.submitted).toHaveLength(1);
    expect(chain.submitted[0]!.map((t) => [t.kind, t.claimId])).toEqual([
      ['submit', CLAIM],
      ['submit', other],
      ['cancel', CLAIM],
    ]);
    const submit = chain.submitted[0]![0] as Extract<ClaimTransition, { kind: 'submit' }>;
    expect(submit).toMatchObject({
      at: '2026-12-01T10:00:00.000Z',
      providerOrg: 'hospital-a',
      payerOrg: 'insurer-x',
      items: [{ serviceCommitment: hex('d'), documentation: proof }],
    });
    expect(JSON.stringify(chain.submitted)).not.toContain(PATIENT);
    expect(published.published.map((p) => [p.topic, p.key, (p.event.data as ClaimVerdictV1).kind, (p.event.data as ClaimVerdictV1).txId])).toEqual([
      ['ledger.claim.v1', PATIENT, 'submit', 'tx1'],
      ['ledger.claim.v1', PATIENT, 'submit', 'tx1'],
      ['ledger.claim.v1', PATIENT, 'cancel', 'tx1'],
    ]);
  });

  it('ProviderOrg: an item whose record event has no receipt goes without documentation, and the verdict says why', async () => {
    const chain = new FakeChain('ProviderOrgMSP');
    await handler(chain, 50).handle(batchOf(committed(randomUUID()), committed(null, randomUUID())));
    expect(chain.submitted[0]!.map((t) => (t as Extract<ClaimTransition, { kind: 'submit' }>).items[0]!.documentation)).toEqual([null, null]);
    expect(published.published.map((p) => (p.event.data as ClaimVerdictV1).refusal)).toEqual(['undocumented-service', 'undocumented-service']);
  });

  it("PayerOrg: adjudications (reason codes once each) and payments; not the chain's own denial, not provider-side events", async () => {
    const chain = new FakeChain('PayerOrgMSP');
    await handler(chain).handle(batchOf(committed(), adjudicated({ kind: 'chain' }), adjudicated(), paid(), cancelled()));
    expect(chain.submitted).toHaveLength(1);
    expect(chain.submitted[0]!.map((t) => t.kind)).toEqual(['adjudicate', 'pay']);
    expect(chain.submitted[0]![0]).toMatchObject({ outcome: 'partially-approved', reasonCodes: ['carc:45', 'rarc:N130'] });
  });

  it('waits out a chain it cannot reach (TransientError), publishing nothing', async () => {
    const chain = new FakeChain('PayerOrgMSP');
    chain.down = true;
    await expect(handler(chain).handle(batchOf(adjudicated()))).rejects.toBeInstanceOf(TransientError);
    expect(published.published).toEqual([]);
  });

  describe('pipelined (maxInFlight 3)', () => {
    const pipelined = (chain: ClaimChain) => new ClaimTransitionsHandler(chain, index, published, logger, { documentationWaitMs: 0, maxInFlight: 3 });
    const txIds = () => [...new Set(published.published.map((p) => (p.event.data as ClaimVerdictV1).txId))];
    beforeEach(() => index.putAll(new Map([[RECORD_EVENT, proof]])));

    it('has independent transactions awaiting their commit at once, and publishes their verdicts in the batch order', async () => {
      const chain = new GatedChain('ProviderOrgMSP');
      const records = Array.from({ length: 450 }, () => fresh());
      const handled = pipelined(chain).handle(batchOf(...records));
      await settle();
      expect(chain.submitted.map((t) => t.length)).toEqual([200, 200, 50]);
      expect(chain.inFlight).toBe(3);
      chain.gates[2]!.commit();
      chain.gates[1]!.commit();
      await settle();
      expect(published.published).toEqual([]); // the first has not committed yet
      chain.gates[0]!.commit();
      await handled;
      expect(txIds()).toEqual(['tx1', 'tx2', 'tx3']);
      expect(published.published.map((p) => (p.event.data as ClaimVerdictV1).transitionId)).toEqual(records.map((r) => r.event.id));
    });

    it('holds a transaction touching a claim or a service in flight until that one committed', async () => {
      for (const dependent of [fresh(CLAIM), fresh(randomUUID(), hex('d'))]) {
        published = new RecordingPublisher();
        const chain = new GatedChain('ProviderOrgMSP');
        const handled = pipelined(chain).handle(batchOf(committed(), ...Array.from({ length: 199 }, () => fresh()), dependent, fresh()));
        await settle();
        expect(chain.submitted).toHaveLength(1);
        chain.gates[0]!.commit();
        await settle();
        expect(chain.submitted).toHaveLength(2);
        chain.gates[1]!.commit();
        await handled;
        expect(txIds()).toEqual(['tx1', 'tx2']);
      }
    });

    it('publishes nothing after a transaction that failed, and throws its failure once the others settled', async () => {
      const chain = new GatedChain('ProviderOrgMSP');
      const handled = pipelined(chain).handle(batchOf(...Array.from({ length: 600 }, () => fresh())));
      await settle();
      chain.gates[1]!.fail(new Error('14 UNAVAILABLE: endorsement failed'));
      chain.gates[2]!.commit();
      chain.gates[0]!.commit();
      await expect(handled).rejects.toBeInstanceOf(TransientError);
      expect(txIds()).toEqual(['tx1']);
    });

    it('keeps at most maxInFlight transactions in flight', async () => {
      const chain = new GatedChain('ProviderOrgMSP');
      const handled = pipelined(chain).handle(batchOf(...Array.from({ length: 1000 }, () => fresh())));
      for (let i = 0; i < 5; i++) {
        await settle();
        chain.gates[i]!.commit();
      }
      await handled;
      expect(chain.submitted).toHaveLength(5);
      expect(chain.maxInFlight).toBe(3);
      expect(txIds()).toEqual(['tx1', 'tx2', 'tx3', 'tx4', 'tx5']);
    });
  });

  it('submits nothing for a batch without transitions of its organisation', async () => {
    const chain = new FakeChain('PayerOrgMSP');
    await handler(chain).handle(batchOf(committed(), cancelled()));
    expect(chain.submitted).toEqual([]);
  });
});
