import type { BatchRecord } from '@carechain/ledger-chaincode-api';
import { buildTree, canonicalEventBytes, inclusionProof, leafCommitment, toHex } from '@carechain/ledger-merkle';
import { VerificationFailure } from '@carechain/ledger-verify';
import { CompletenessMonitor, type FindingSink, type MonitoredEvent, type ReceiptSource } from './completeness-monitor';
import type { LedgerFinding } from './ledger-finding';
import type { SampledReceipt, SaltSource } from './sample-check';

const TOPIC = 'records.access.v1';
const SERVICE_KEY = Buffer.alloc(32, 7);
const ERASED = '5d1f0a6e-8c3b-4f2a-9e7d-1b2c3d4e5f60';
const PATIENT = '6d1f0a6e-8c3b-4f2a-9e7d-1b2c3d4e5f60';
const PATIENT_SALT = Buffer.alloc(32, 3);
/** e0 concerns no patient (the service key), e1 a patient (their salt, version 1). */
const events: (MonitoredEvent & Record<string, unknown>)[] = [
  { id: 'e0', type: 'carechain.identity.demographics.read.v1', time: '2026-01-01T00:00:00.000Z', data: { purpose: 'TREAT' } },
  { id: 'e1', type: 'carechain.identity.demographics.read.v1', time: '2026-01-01T00:00:00.000Z', subject: PATIENT, data: { purpose: 'TREAT' } },
];
const saltVersions = ['service-v1', 'patient:v1'];
const leaves = [leafCommitment(canonicalEventBytes(events[0]!), SERVICE_KEY), leafCommitment(canonicalEventBytes(events[1]!), PATIENT_SALT)];
const tree = buildTree(leaves);

/** The deployment's salts: the service key, PATIENT's salt, ERASED's shredded. */
const salts: SaltSource = {
  saltOf: async (subject, version) => {
    if (version === 'service-v1') return SERVICE_KEY;
    if (subject === ERASED) return { unavailable: VerificationFailure.SaltShredded, reason: 'erased' };
    if (subject === PATIENT && version === 'patient:v1') return PATIENT_SALT;
    return { unavailable: VerificationFailure.SaltUnavailable, reason: 'unknown' };
  },
};

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

function receiptOf(index: number, over: Partial<SampledReceipt> = {}): SampledReceipt {
  return {
    eventId: `e${index}`,
    saltVersion: saltVersions[index]!,
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

function setUp(receipts: Map<string, SampledReceipt>, logged: readonly MonitoredEvent[] = events) {
  const raised: LedgerFinding[] = [];
  const sink: FindingSink = { raise: async (f) => void raised.push(...f) };
  let now = 10_000;
  const monitor = new CompletenessMonitor(
    { topics: [TOPIC], organisations: ['ProviderOrg', 'PayerOrg'], stallMs: 5_000, sampleRate: 1, sampleSize: 10, samplesPerTick: 10, findingsKept: 100 },
    { receipt: async (id) => receipts.get(id) },
    salts,
    sink,
    () => now,
  );
  monitor.logExtent(TOPIC, 0, '0', '2');
  logged.forEach((event, offset) => monitor.record(TOPIC, 0, String(offset), event));
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
    expect(report.samples).toEqual({ verified: 2, mismatched: 0, erased: 0, saltUnavailable: 0, held: 2 });
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
    const other = buildTree([leaves[0]!, Buffer.alloc(32, 9)]);
    const forged = {
      ...receiptOf(0),
      merkleRoot: toHex(other.root),
      proof: inclusionProof([leaves[0]!, Buffer.alloc(32, 9)], 0).map((h) => toHex(h)),
    };
    const { monitor, raised } = setUp(new Map([['e0', forged]]));
    await monitor.batch('ProviderOrg', batch);
    await monitor.tick();
    expect(raised.map((f) => f.detail)).toEqual([expect.stringContaining("the chain's is")]);
  });

  it('reports a record replayed from Kafka that does not make its leaf (same offset, other bytes) as a root mismatch', async () => {
    const forged = { ...events[1]!, data: { purpose: 'PAYMENT' } };
    const { monitor, raised } = setUp(new Map([0, 1].map((i) => [`e${i}`, receiptOf(i)])), [events[0]!, forged]);
    await monitor.batch('ProviderOrg', batch);
    await monitor.tick();
    expect(raised.map((f) => [f.kind, f.eventIds, f.firstOffset])).toEqual([['root-mismatch', ['e1'], '1']]);
    expect(raised[0]!.detail).toContain("the record replayed from Kafka does not make the receipt's leaf");
    expect(monitor.report().samples).toMatchObject({ verified: 1, mismatched: 1 });
  });

  it('recomputes under the salt version the receipt names: another salt is a mismatch, a salt not at hand is not', async () => {
    const { monitor, raised } = setUp(
      new Map([
        ['e0', receiptOf(0, { saltVersion: 'service-v0' })],
        ['e1', receiptOf(1, { saltVersion: 'service-v1' })],
      ]),
    );
    await monitor.batch('ProviderOrg', batch);
    await monitor.tick();
    expect(raised.map((f) => f.eventIds)).toEqual([['e1']]);
    expect(monitor.report().samples).toMatchObject({ verified: 0, mismatched: 1, saltUnavailable: 1, held: 2 });
  });

  it('counts an erased patient’s event as such, once, not as a mismatch', async () => {
    const erased = { ...events[1]!, subject: ERASED };
    const { monitor, raised } = setUp(new Map([0, 1].map((i) => [`e${i}`, receiptOf(i)])), [events[0]!, erased]);
    await monitor.batch('ProviderOrg', batch);
    await monitor.tick();
    await monitor.tick();
    expect(raised).toEqual([]);
    expect(monitor.report().samples).toEqual({ verified: 2, mismatched: 0, erased: 1, saltUnavailable: 0, held: 1 });
  });

  it('accounts for new batches while a sample re-verification waits on a slow receipt read, and publishes each finding once', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const receipts = new Map([0, 1].map((i) => [`e${i}`, receiptOf(i, i === 1 ? { commitment: 'ff'.repeat(32) } : {})]));
    const { monitor, raised } = setUp(new Map());
    (monitor as unknown as { receipts: ReceiptSource }).receipts = { receipt: async (id) => (await slow, receipts.get(id)) };
    await monitor.batch('ProviderOrg', batch);
    await monitor.account();
    const reverifying = monitor.reverifySamples();
    monitor.record(TOPIC, 0, '2', { id: 'e2' });
    await monitor.batch('ProviderOrg', { ...batch, batchId: 'next', leafCount: 1, sourceRange: { ...batch.sourceRange, firstOffset: 2, lastOffset: 2 } });
    await monitor.account();
    expect(monitor.report().partitions[0]!.position).toBe('3');
    release();
    await Promise.all([reverifying, monitor.account(), monitor.reverifySamples()]);
    expect(raised.map((f) => [f.kind, f.eventIds])).toEqual([['root-mismatch', ['e1']]]);
  });

  it('raises a gap, and a peer that never shows the batch, as alerts once each', async () => {
    const { monitor, raised, advance } = setUp(new Map());
    monitor.record(TOPIC, 0, '2', { id: 'e2' });
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
    monitor.record(TOPIC, 0, '2', { id: 'e2' });
    await monitor.batch('ProviderOrg', { ...batch, batchId: 'late', leafCount: 1, sourceRange: { ...batch.sourceRange, firstOffset: 2, lastOffset: 2 } });
    await expect(monitor.tick()).rejects.toThrow('kafka down');
    expect(monitor.report().findings.map((f) => f.kind)).toEqual(['ledger-gap']);
    failing.sink = real;
    await monitor.tick();
    expect(raised.map((f) => f.kind)).toEqual(['ledger-gap']);
  });

  it('ignores topics it does not monitor', async () => {
    const { monitor } = setUp(new Map());
    monitor.record('ledger.receipt.v1', 0, '0', { id: 'x' });
    await monitor.batch('ProviderOrg', { ...batch, sourceRange: { ...batch.sourceRange, topic: 'other' } });
    expect(monitor.report().partitions).toHaveLength(1);
  });
});
