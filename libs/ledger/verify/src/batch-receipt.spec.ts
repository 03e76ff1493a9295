import { buildTree, toHex } from '@carechain/ledger-merkle';
import { BatchProofs, type BatchReceipt } from './batch-receipt';
import { receiptPathHolds } from './verify-event';

function batchOf(size: number): BatchReceipt {
  const commitments = Array.from({ length: size }, (_, i) => toHex(Buffer.alloc(32, i + 1)));
  return {
    batchId: 'a'.repeat(64),
    merkleRoot: toHex(buildTree(commitments.map((c) => Buffer.from(c, 'hex'))).root),
    treeSize: size,
    txId: 'tx',
    blockNumber: '7',
    anchoredAt: '2026-12-05T10:00:00.000Z',
    source: { topic: 'identity.patient.v1', partition: 2, firstOffset: '9007199254740993', lastOffset: '9007199254741100' },
    eventIds: commitments.map((_, i) => `e${i}`),
    offsets: commitments.map((_, i) => i * 3),
    commitments,
    eventTypes: ['t.a', 't.b'],
    typeOf: commitments.map((_, i) => i % 2),
    saltVersions: ['patient:v1', 'service-v1'],
    saltOf: commitments.map((_, i) => (i < 2 ? 1 : 0)),
  };
}

describe('BatchProofs', () => {
  it("gives every event of a batch receipt its own receipt, with an audit path that leads to the batch's root", () => {
    for (const size of [1, 2, 5, 13]) {
      const proofs = new BatchProofs(batchOf(size));
      expect(proofs.rootHolds).toBe(true);
      for (let i = 0; i < size; i++) {
        const r = proofs.receiptAt(i)!;
        expect(receiptPathHolds(r)).toBe(true);
        expect(r).toMatchObject({ eventId: `e${i}`, eventType: i % 2 ? 't.b' : 't.a', saltVersion: i < 2 ? 'service-v1' : 'patient:v1', leafIndex: i });
      }
    }
    // Offsets past 2^53 stay exact.
    expect(new BatchProofs(batchOf(3)).receiptAt(2)!.source).toEqual({ topic: 'identity.patient.v1', partition: 2, offset: '9007199254740999' });
  });

  it('knows no leaf outside the batch, and derives no path from leaves that miss the root', () => {
    const proofs = new BatchProofs(batchOf(4));
    expect([-1, 4, 1.5].map((i) => proofs.receiptAt(i))).toEqual([undefined, undefined, undefined]);
    const forged = new BatchProofs({ ...batchOf(4), merkleRoot: 'b'.repeat(64) });
    expect(forged.rootHolds).toBe(false);
    expect(forged.receiptAt(0)?.proof).toEqual([]);
    expect(new BatchProofs({ ...batchOf(2), commitments: ['zz', 'yy'] }).rootHolds).toBe(false);
  });
});
