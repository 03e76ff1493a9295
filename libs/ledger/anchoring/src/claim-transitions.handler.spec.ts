import { randomUUID } from 'node:crypto';
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

const committed = (documentingEventId: string | null = RECORD_EVENT, claimId = CLAIM) =>
  consumed(CLAIM_COMMITTED_V1, {
    claimId,
    patientId: PATIENT,
    provider: 'hospital-a',
    insurer: 'insurer-x',
    submittedAt: '2026-12-01T10:00:00.000Z',
    contentCommitment: hex('c'),
    total: { value: '80.00', currency: 'EUR' },
    items: [{ sequence: 1, serviceCommitment: hex('d'), documentingEventId }],
  });
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

  it('submits nothing for a batch without transitions of its organisation', async () => {
    const chain = new FakeChain('PayerOrgMSP');
    await handler(chain).handle(batchOf(committed(), cancelled()));
    expect(chain.submitted).toEqual([]);
  });
});
