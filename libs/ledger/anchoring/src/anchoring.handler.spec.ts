import { ROOT_CONTEXT } from '@opentelemetry/api';
import { createEvent, PATIENT_REGISTERED_V1, RECEIPT_ISSUED_V2, validateEvent, type CloudEvent, type ReceiptIssuedV2 } from '@carechain/contracts';
import { TransientError, type ConsumedRecord, type EventPublisher, type Position, type RawMessage } from '@carechain/messaging';
import { StaticSaltProvider, fromHex, verifyInclusion } from '@carechain/ledger-merkle';
import { BatchProofs, receiptPathHolds, type EventReceiptOfBatch } from '@carechain/ledger-verify';
import { createLogger } from '@carechain/telemetry';
import { AnchoringHandler } from './anchoring.handler';
import { batchIdOf } from './batch-id';
import type { BatchIntent, IntentStore } from './intent-store';
import type { AnchoredBatch, BatchAnchor, BatchRecord, LedgerAnchor } from '@carechain/ledger-chaincode-api';
import { MemoryDocumentationIndex } from './testing/memory-documentation-index';
import { cutBatches, MAX_BATCH_WINDOW_MS } from './prepared-batch';

function record(offset: number, time = '2026-11-25T10:00:00.000Z', partition = 0): ConsumedRecord {
  const patientId = `00000000-0000-4000-8000-${String(offset).padStart(12, '0')}`;
  const event = validateEvent(
    createEvent({
      type: PATIENT_REGISTERED_V1,
      id: `event-${partition}-${offset}`,
      source: '/t',
      subject: patientId,
      time: new Date(time),
      data: {
        patientId,
        custodian: 'h',
        demographics: { name: { given: ['A'], family: 'B' }, birthDate: '1970-01-01', gender: 'unknown' },
        identifiers: [{ system: 's', value: String(offset) }],
      },
    }),
  );
  return { topic: 'identity.patient.v1', partition, offset: String(offset), key: patientId, value: Buffer.alloc(0), event, traceContext: ROOT_CONTEXT };
}

class FakeLedger implements LedgerAnchor {
  readonly chain = new Map<string, BatchRecord>();
  submits = 0;
  down = false;
  async anchor(batch: BatchAnchor): Promise<AnchoredBatch> {
    this.submits++;
    if (this.down) throw Object.assign(new Error('14 UNAVAILABLE: peer down'), { code: 14 });
    const existing = this.chain.get(batch.batchId);
    // As FabricGatewayAnchor does: a refused duplicate must be the batch on the chain.
    if (existing && existing.merkleRoot !== batch.merkleRoot) throw new Error(`batch ${batch.batchId} on the chain has another root`);
    if (existing) return { txId: existing.txId, blockNumber: '1', alreadyAnchored: true, anchoredAt: existing.anchoredAt };
    const txId = `tx${this.chain.size}`;
    this.chain.set(batch.batchId, { ...batch, txId, anchoredAt: '2026-11-25T10:00:01.000Z', submitterMspId: 'ProviderOrgMSP' });
    return { txId, blockNumber: String(this.chain.size), alreadyAnchored: false, anchoredAt: '2026-11-25T10:00:01.000Z' };
  }
  async getBatch(id: string) {
    return this.chain.get(id);
  }
}

class MemoryIntents implements IntentStore {
  readonly map = new Map<string, BatchIntent>();
  async get(t: string, p: number) {
    return this.map.get(`${t}:${p}`);
  }
  async put(t: string, p: number, i: BatchIntent) {
    this.map.set(`${t}:${p}`, i);
  }
  async clear(t: string, p: number) {
    this.map.delete(`${t}:${p}`);
  }
}

class FakePublisher implements EventPublisher {
  readonly receipts: CloudEvent[] = [];
  async publish(topic: string, event: CloudEvent): Promise<Position> {
    this.receipts.push(validateEvent(event));
    return { topic, partition: 0, offset: String(this.receipts.length - 1) };
  }
  async publishAll(topic: string, events: readonly CloudEvent[]): Promise<Position[]> {
    const positions: Position[] = [];
    for (const e of events) positions.push(await this.publish(topic, e));
    return positions;
  }
  async publishRaw(_t: string, _m: RawMessage): Promise<Position> {
    throw new Error('unused');
  }
  async publishTombstone(_t: string, _k: string): Promise<Position> {
    throw new Error('unused');
  }
}

/** Each event's receipt, derived from the batch receipts published (as audit derives them). */
function eventReceipts(publisher: FakePublisher): EventReceiptOfBatch[] {
  return publisher.receipts.flatMap((receipt) => {
    if (receipt.type !== RECEIPT_ISSUED_V2) throw new Error(receipt.type);
    const proofs = new BatchProofs(receipt.data as ReceiptIssuedV2);
    expect(proofs.rootHolds).toBe(true);
    return (receipt.data as ReceiptIssuedV2).eventIds.map((_, i) => proofs.receiptAt(i)!);
  });
}

const salts = new StaticSaltProvider(Buffer.alloc(32, 7), 'test-v1');
const logger = createLogger('test', 'silent');

function setup(maxEvents = 3) {
  const ledger = new FakeLedger();
  const intents = new MemoryIntents();
  const publisher = new FakePublisher();
  return { ledger, intents, publisher, handler: new AnchoringHandler(ledger, salts, intents, publisher, logger, { maxEvents }) };
}

const batchOf = (records: ConsumedRecord[]) => ({ topic: 'identity.patient.v1', partition: 0, records, lastOffset: records[records.length - 1]!.offset });

describe('anchoring', () => {
  it('derives the batch id from topic, partition and offsets only', () => {
    expect(batchIdOf('t', 1, '5', '9')).toBe(batchIdOf('t', 1, '5', '9'));
    expect(batchIdOf('t', 1, '5', '9')).not.toBe(batchIdOf('t', 1, '5', '10'));
    expect(batchIdOf('t', 1, '5', '9')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('cuts batches by size and by the chaincode time window', () => {
    expect(
      cutBatches(
        [1, 2, 3, 4, 5, 6, 7].map((n) => record(n)),
        3,
      ).map((b) => b.length),
    ).toEqual([3, 3, 1]);
    const late = new Date(Date.parse('2026-11-25T10:00:00Z') + MAX_BATCH_WINDOW_MS + 1).toISOString();
    expect(cutBatches([record(1), record(2), record(3, late)], 10).map((b) => b.length)).toEqual([2, 1]);
  });

  it('anchors each batch once and issues one receipt per batch, from which every event gets a verifiable proof', async () => {
    const { handler, ledger, publisher } = setup(3);
    const records = [1, 2, 3, 4, 5].map((n) => record(n));
    await handler.handle(batchOf(records));
    expect(ledger.chain.size).toBe(2);
    expect(publisher.receipts).toHaveLength(2);
    const receipts = eventReceipts(publisher);
    for (const r of receipts) {
      expect(receiptPathHolds(r)).toBe(true);
      expect(ledger.chain.get(r.batchId)?.merkleRoot).toBe(r.merkleRoot);
      expect(r).toMatchObject({ eventType: PATIENT_REGISTERED_V1, saltVersion: 'test-v1', source: { topic: 'identity.patient.v1', partition: 0 } });
    }
    expect(receipts.map((r) => r.eventId)).toEqual(records.map((r) => r.event.id));
    expect(receipts.map((r) => r.source.offset)).toEqual(records.map((r) => r.offset));
  });

  it('re-forms an interrupted plan after a crash, so nothing is anchored twice', async () => {
    const { handler, ledger, intents, publisher } = setup(3);
    await handler.handle(batchOf([1, 2].map((n) => record(n))));
    // Crash before the consumer committed: the next fetch starts at offset 1 again but holds more.
    const again = setup(3);
    const restarted = new AnchoringHandler(ledger, salts, intents, again.publisher, logger, { maxEvents: 3 });
    await restarted.handle(batchOf([1, 2, 3, 4].map((n) => record(n))));
    const batchIds = new Map<string, string>();
    for (const { eventId, batchId } of [...eventReceipts(publisher), ...eventReceipts(again.publisher)]) {
      expect(batchIds.get(eventId) ?? batchId).toBe(batchId);
      batchIds.set(eventId, batchId);
    }
    expect(batchIds.size).toBe(4);
    expect([...ledger.chain.values()].reduce((n, b) => n + b.leafCount, 0)).toBe(4);
  });

  it('re-submits an interrupted batch with the leaves it planned, though the salt changed in between', async () => {
    const { handler, ledger, intents, publisher } = setup(3);
    // The crash: the batch committed on the chain but neither receipts nor offsets made it.
    publisher.publish = async () => {
      throw new Error('killed');
    };
    await expect(handler.handle(batchOf([1, 2, 3].map((n) => record(n))))).rejects.toThrow('killed');
    const [onChain] = [...ledger.chain.values()];
    // Meanwhile the patient of offset 2 was erased (or their key rotated): a fresh salt now.
    const rotated = {
      saltFor: async (subject: string | undefined) =>
        subject === record(2).event.subject ? { salt: Buffer.alloc(32, 9), keyVersion: 'test-v2' } : salts.saltFor(subject),
    };
    const again = setup(3);
    const restarted = new AnchoringHandler(ledger, rotated, intents, again.publisher, logger, { maxEvents: 3 });
    await restarted.handle(batchOf([1, 2, 3, 4].map((n) => record(n))));
    expect(ledger.chain.size).toBe(2);
    const receipts = eventReceipts(again.publisher);
    expect(receipts.filter((r) => r.batchId === onChain!.batchId).map((r) => [r.merkleRoot, r.saltVersion])).toEqual([
      [onChain!.merkleRoot, 'test-v1'],
      [onChain!.merkleRoot, 'test-v1'],
      [onChain!.merkleRoot, 'test-v1'],
    ]);
  });

  it('reports the ledger unreachable and fails transiently while Fabric is down, then recovers', async () => {
    const { handler, ledger, publisher } = setup(3);
    ledger.down = true;
    await expect(handler.handle(batchOf([record(1)]))).rejects.toBeInstanceOf(TransientError);
    expect(handler.isLedgerReachable()).toBe(false);
    expect(publisher.receipts).toHaveLength(0);
    ledger.down = false;
    await handler.handle(batchOf([record(1)]));
    expect(handler.isLedgerReachable()).toBe(true);
    expect(eventReceipts(publisher)).toHaveLength(1);
  });
});

describe('pipelined anchoring', () => {
  /** A ledger whose commits wait until released, counting what is in flight. */
  class SlowLedger extends FakeLedger {
    attempts = 0;
    inFlight = 0;
    maxInFlight = 0;
    failOnce = new Set<number>();
    override async anchor(batch: BatchAnchor): Promise<AnchoredBatch> {
      this.attempts++;
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (this.failOnce.delete(batch.sourceRange.firstOffset)) throw Object.assign(new Error('14 UNAVAILABLE: peer down'), { code: 14 });
        return await super.anchor(batch);
      } finally {
        this.inFlight--;
      }
    }
  }

  const records = [1, 2, 3, 4, 5, 6, 7].map((n) => record(n));

  it('keeps up to maxInFlight batches of one partition awaiting their commit, and returns once every receipt is out', async () => {
    const ledger = new SlowLedger();
    const publisher = new FakePublisher();
    const handler = new AnchoringHandler(ledger, salts, new MemoryIntents(), publisher, logger, { maxEvents: 1, maxInFlight: 3 });
    await handler.handle(batchOf(records));
    expect(ledger.maxInFlight).toBe(3);
    expect(ledger.chain.size).toBe(7);
    expect(eventReceipts(publisher).map((r) => r.eventId)).toEqual(records.map((r) => r.event.id));
  });

  it('submits nothing after a failed batch, fails transiently once those in flight settled, and the retry anchors nothing twice', async () => {
    const ledger = new SlowLedger();
    const intents = new MemoryIntents();
    const publisher = new FakePublisher();
    const handler = new AnchoringHandler(ledger, salts, intents, publisher, logger, { maxEvents: 1, maxInFlight: 2 });
    ledger.failOnce.add(3);
    await expect(handler.handle(batchOf(records))).rejects.toBeInstanceOf(TransientError);
    expect(ledger.inFlight).toBe(0);
    // Batches 1, 2 and 4 may have committed (4 was in flight beside 3); none after 4 was submitted.
    expect(ledger.attempts).toBeLessThanOrEqual(4);
    const before = ledger.chain.size;
    expect(before).toBeGreaterThanOrEqual(2);
    await handler.handle(batchOf(records));
    expect(ledger.chain.size).toBe(7);
    expect([...ledger.chain.values()].reduce((n, b) => n + b.leafCount, 0)).toBe(7);
    const batchOfEvent = new Map<string, string>();
    for (const { eventId, batchId } of eventReceipts(publisher)) {
      expect(batchOfEvent.get(eventId) ?? batchId).toBe(batchId);
      batchOfEvent.set(eventId, batchId);
    }
    expect(batchOfEvent.size).toBe(7);
  });
});

describe('the documentation index', () => {
  it("keeps each anchored record event's leaf, batch and proof (they prove a claim's documentation), and nothing of other topics", async () => {
    const ledger = new FakeLedger();
    const index = new MemoryDocumentationIndex();
    const handler = new AnchoringHandler(ledger, salts, new MemoryIntents(), new FakePublisher(), logger, { maxEvents: 10 }, index);
    const recordEvents = [1, 2, 3].map((n) => ({ ...record(n), topic: 'records.record.v1' }));
    await handler.handle({ topic: 'records.record.v1', partition: 0, records: recordEvents, lastOffset: '3' });
    await handler.handle(batchOf([record(7)]));
    expect([...index.map.keys()]).toEqual(recordEvents.map((r) => r.event.id));
    const [batch] = [...ledger.chain.values()];
    for (const [i, r] of recordEvents.entries()) {
      const proof = index.map.get(r.event.id)!;
      expect(proof).toMatchObject({ batchId: batch!.batchId, leafIndex: i });
      expect(
        verifyInclusion(
          fromHex(proof.eventCommitment),
          i,
          batch!.leafCount,
          proof.proof.map((p) => fromHex(p)),
          fromHex(batch!.merkleRoot),
        ),
      ).toBe(true);
    }
  });
});
