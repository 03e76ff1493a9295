import type { BatchRecord } from '@carechain/ledger-chaincode-api';
import { buildTree, inclusionProof, toHex } from '@carechain/ledger-merkle';
import type { EventReceipt } from '@carechain/ledger-verify';
import { CompletenessMonitor, type FindingSink } from './completeness-monitor';
import type { LedgerFinding } from './ledger-finding';

const TOPIC = 'records.access.v1';
const leaves = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
const tree = buildTree(leaves);

const batch: BatchRecord = {
  batchId: 'batch-0-1',
  merkleRoot: toHex(tree.root),
  leafCount: 2,
  firstTime: '2026-01-01T00:00:00.000Z',
  lastTime: '2026-01-01T00:00:00.000Z',
  sourceRange: { topic: TOPIC, partition: 0, firstOffset: 0, lastOffset: 1 },
  anchoredAt: '2026-01-01T00:00:01.000Z',
  submitterMspId: 'ProviderOrgMSP',
  txId: 'tx',
};

function receiptOf(index: number, over: Partial<EventReceipt> = {}): EventReceipt {
  return {
    eventId: `e${index}`,
    source: { topic: TOPIC, partition: 0, offset: String(index) },
    commitment: toHex(leaves[index]!),
    batchId: batch.batchId,
    leafIndex: index,
    treeSize: 2,
    proof: inclusionProof(leaves, index).map((h) => toHex(h)),
    merkleRoot: batch.merkleRoot,
    ...over,
  };
}

function setUp(receipts: Map<string, EventReceipt>) {
  const raised: LedgerFinding[] = [];
  const sink: FindingSink = { raise: async (f) => void raised.push(...f) };
  let now = 10_000;
  const monitor = new CompletenessMonitor(
    { topics: [TOPIC], organisations: ['ProviderOrg', 'PayerOrg'], stallMs: 5_000, sampleRate: 1, sampleSize: 10, samplesPerTick: 10, findingsKept: 100 },
    { receipt: async (id) => receipts.get(id) },
    sink,
    () => now,
  );
  monitor.logExtent(TOPIC, 0, '0', '2');
  monitor.record(TOPIC, 0, '0', 'e0');
  monitor.record(TOPIC, 0, '1', 'e1');
  return { monitor, raised, advance: (ms: number) => (now += ms) };
}

describe('CompletenessMonitor', () => {
  it('accounts for a batch both peers hold and re-verifies its events against their receipts', async () => {
    const { monitor, raised } = setUp(new Map([0, 1].map((i) => [`e${i}`, receiptOf(i)])));
    await monitor.batch('ProviderOrg', batch);
    await monitor.batch('PayerOrg', batch);
    await monitor.tick();
    expect(raised).toEqual([]);
    const report = monitor.report();
    expect(report.partitions).toEqual([
      { topic: TOPIC, partition: 0, position: '2', logEnd: '2', chainEnd: '2', behindLog: 0, behindChain: 0, waitingRecords: 0 },
    ]);
    expect(report.samples).toEqual({ verified: 2, mismatched: 0, held: 2 });
  });

  it('counts a partition no batch has reached as behind the chain by nothing, and behind its log by its records', async () => {
    const { monitor } = setUp(new Map());
    monitor.logExtent(TOPIC, 1, '0', '0');
    await monitor.tick();
    expect(monitor.report().partitions).toEqual([
      { topic: TOPIC, partition: 0, position: '0', logEnd: '2', chainEnd: null, behindLog: 2, behindChain: 0, waitingRecords: 2 },
      { topic: TOPIC, partition: 1, position: '0', logEnd: '0', chainEnd: null, behindLog: 0, behindChain: 0, waitingRecords: 0 },
    ]);
  });

  it('reports a tampered receipt (a forged leaf) as a root mismatch, once, even when the tampering happens after the first check', async () => {
    const receipts = new Map([0, 1].map((i) => [`e${i}`, receiptOf(i)]));
    const { monitor, raised } = setUp(receipts);
    await monitor.batch('ProviderOrg', batch);
    await monitor.batch('PayerOrg', batch);
    await monitor.tick();
    receipts.set('e1', receiptOf(1, { commitment: 'ff'.repeat(32) }));
    await monitor.tick();
    await monitor.tick();
    expect(raised.map((f) => [f.kind, f.eventIds])).toEqual([['root-mismatch', ['e1']]]);
    expect(raised[0]!.detail).toContain('does not lead to its root');
    expect(monitor.report().findingCounts).toEqual({ 'root-mismatch': 1 });
  });

  it('reports a receipt whose root is not the chain root', async () => {
    const other = buildTree([Buffer.alloc(32, 1), Buffer.alloc(32, 9)]);
    const forged = {
      ...receiptOf(0),
      merkleRoot: toHex(other.root),
      proof: inclusionProof([Buffer.alloc(32, 1), Buffer.alloc(32, 9)], 0).map((h) => toHex(h)),
    };
    const { monitor, raised } = setUp(new Map([['e0', forged]]));
    await monitor.batch('ProviderOrg', batch);
    await monitor.tick();
    expect(raised.map((f) => f.detail)).toEqual([expect.stringContaining("the chain's is")]);
  });

  it('raises a gap, and a peer that never shows the batch, as alerts once each', async () => {
    const { monitor, raised, advance } = setUp(new Map());
    monitor.record(TOPIC, 0, '2', 'e2');
    await monitor.batch('ProviderOrg', { ...batch, batchId: 'late', leafCount: 1, sourceRange: { ...batch.sourceRange, firstOffset: 2, lastOffset: 2 } });
    await monitor.tick();
    expect(raised.map((f) => [f.kind, f.firstOffset, f.lastOffset])).toEqual([['ledger-gap', '0', '1']]);
    advance(6_000);
    await monitor.tick();
    await monitor.tick();
    expect(raised.map((f) => f.kind)).toEqual(['ledger-gap', 'peer-disagreement']);
  });

  it('keeps a finding in the report when its alert cannot be published, and publishes it on a later round', async () => {
    const { monitor, raised } = setUp(new Map());
    const failing = monitor as unknown as { sink: FindingSink };
    const real = failing.sink;
    failing.sink = { raise: async () => Promise.reject(new Error('kafka down')) };
    monitor.record(TOPIC, 0, '2', 'e2');
    await monitor.batch('ProviderOrg', { ...batch, batchId: 'late', leafCount: 1, sourceRange: { ...batch.sourceRange, firstOffset: 2, lastOffset: 2 } });
    await expect(monitor.tick()).rejects.toThrow('kafka down');
    expect(monitor.report().findings.map((f) => f.kind)).toEqual(['ledger-gap']);
    failing.sink = real;
    await monitor.tick();
    expect(raised.map((f) => f.kind)).toEqual(['ledger-gap']);
  });

  it('ignores topics it does not monitor', async () => {
    const { monitor } = setUp(new Map());
    monitor.record('ledger.receipt.v1', 0, '0', 'x');
    await monitor.batch('ProviderOrg', { ...batch, sourceRange: { ...batch.sourceRange, topic: 'other' } });
    expect(monitor.report().partitions).toHaveLength(1);
  });
});
