import { PartitionCoverage, type ChainBatch } from './partition-coverage';

const batch = (first: number, last: number, leafCount: number, id = `b${first}-${last}`): ChainBatch => ({
  batchId: id,
  merkleRoot: 'ab'.repeat(32),
  leafCount,
  firstOffset: BigInt(first),
  lastOffset: BigInt(last),
  anchoredAt: new Date(0).toISOString(),
});

function coverage(records: readonly number[], start = 0): PartitionCoverage {
  const c = new PartitionCoverage('records.record.v1', 0, 0);
  c.startAt(BigInt(start));
  for (const o of records) c.addRecord({ offset: BigInt(o), eventId: `e${o}` }, 0);
  return c;
}

const STALL_MS = 10_000;

describe('PartitionCoverage', () => {
  it('accounts for contiguous batches with no finding and moves its position past them', () => {
    const c = coverage([0, 1, 2, 3, 4]);
    c.addBatch(batch(3, 4, 2));
    c.addBatch(batch(0, 2, 3));
    const step = c.advance(1, STALL_MS);
    expect(step.findings).toEqual([]);
    expect(step.checked.map((b) => b.batch.batchId)).toEqual(['b0-2', 'b3-4']);
    expect(step.checked[1]!.records.map((r) => r.eventId)).toEqual(['e3', 'e4']);
    expect(c.state().position).toBe('5');
  });

  it('counts a record the reader delivers again (a rebalance or restart after a fault) once', () => {
    const c = coverage([0, 1, 2, 1, 2, 3]);
    c.addBatch(batch(0, 3, 4));
    expect(c.advance(1, STALL_MS).findings).toEqual([]);
    expect(c.state().position).toBe('4');
  });

  it('does not report offsets that hold no record (transaction markers, dead letters) inside or between ranges', () => {
    // Offsets 2 and 5 are commit markers: no reader is handed them, and the writer's ranges run from record to record.
    const c = coverage([0, 1, 3, 4, 6]);
    c.addBatch(batch(0, 3, 3));
    c.addBatch(batch(6, 6, 1));
    c.addBatch(batch(4, 4, 1));
    const step = c.advance(1, STALL_MS);
    expect(step.findings).toEqual([]);
    expect(c.state().position).toBe('7');
  });

  it('reports a record between two batches as a gap', () => {
    const c = coverage([0, 1, 2, 3]);
    c.addBatch(batch(0, 1, 2));
    c.addBatch(batch(3, 3, 1));
    const [gap, ...rest] = c.advance(1, STALL_MS).findings;
    expect(rest).toEqual([]);
    expect(gap).toMatchObject({
      kind: 'ledger-gap',
      topic: 'records.record.v1',
      partition: 0,
      firstOffset: '2',
      lastOffset: '2',
      eventIds: ['e2'],
      batchIds: ['b3-3'],
    });
  });

  it('reports records before the first batch as a gap, but not batches from before the log start', () => {
    const c = coverage([10, 11, 12], 10);
    c.addBatch(batch(0, 9, 10)); // its records were removed by retention
    c.addBatch(batch(12, 12, 1));
    const findings = c.advance(1, STALL_MS).findings;
    expect(findings.map((f) => [f.kind, f.firstOffset, f.lastOffset])).toEqual([['ledger-gap', '10', '11']]);
  });

  it('reports a record left out of a batch whose range spans it (fewer leaves than records)', () => {
    const c = coverage([0, 1, 2, 3]);
    c.addBatch(batch(0, 3, 3));
    const findings = c.advance(1, STALL_MS).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'ledger-gap', firstOffset: '0', lastOffset: '3' });
    expect(findings[0]!.detail).toContain('holds 4 records, but anchors 3 leaves');
  });

  it('reports more leaves than records as a root mismatch', () => {
    const c = coverage([0, 2]);
    c.addBatch(batch(0, 2, 3));
    expect(c.advance(1, STALL_MS).findings.map((f) => f.kind)).toEqual(['root-mismatch']);
  });

  it('reports a batch over offsets already anchored as an overlap, once, naming both batches', () => {
    const c = coverage([0, 1, 2, 3]);
    c.addBatch(batch(0, 2, 3));
    c.addBatch(batch(2, 3, 2));
    const findings = c.advance(1, STALL_MS).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'ledger-overlap', firstOffset: '2', lastOffset: '2', batchIds: ['b2-3', 'b0-2'] });
    expect(c.state().position).toBe('4');
  });

  it('reports the same range anchored twice under another id as an overlap', () => {
    const c = coverage([0, 1]);
    c.addBatch(batch(0, 1, 2, 'one'));
    c.addBatch(batch(0, 1, 2, 'two'));
    expect(c.advance(1, STALL_MS).findings.map((f) => [f.kind, f.firstOffset, f.lastOffset])).toEqual([['ledger-overlap', '0', '1']]);
  });

  it('waits for the reader to reach a batch before judging it', () => {
    const c = coverage([0]);
    c.addBatch(batch(0, 2, 3));
    expect(c.advance(1, STALL_MS)).toEqual({ findings: [], checked: [] });
    c.addRecord({ offset: 1n, eventId: 'e1' }, 2);
    c.addRecord({ offset: 2n, eventId: 'e2' }, 2);
    expect(c.advance(3, STALL_MS).checked).toHaveLength(1);
  });

  it('reports a stall once when records wait longer than the limit with the chain not moving, and again only after progress', () => {
    const c = coverage([0, 1]);
    c.addBatch(batch(0, 0, 1));
    expect(c.advance(1_000, STALL_MS).findings).toEqual([]);
    expect(c.advance(5_000, STALL_MS).findings).toEqual([]);
    const stalls = c.advance(11_001, STALL_MS).findings;
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toMatchObject({ kind: 'ledger-stall', firstOffset: '1', lastOffset: '1' });
    expect(c.advance(20_000, STALL_MS).findings).toEqual([]);
    c.addBatch(batch(1, 1, 1));
    c.addRecord({ offset: 2n, eventId: 'e2' }, 20_000);
    expect(c.advance(20_001, STALL_MS).findings).toEqual([]);
    expect(c.advance(30_002, STALL_MS).findings.map((f) => [f.kind, f.firstOffset])).toEqual([['ledger-stall', '2']]);
  });

  it('does not call a quiet partition stalled', () => {
    const c = coverage([0]);
    c.addBatch(batch(0, 0, 1));
    expect(c.advance(1_000_000, STALL_MS).findings).toEqual([]);
  });
});
