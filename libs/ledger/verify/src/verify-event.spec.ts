import { canonicalEventBytes, fromHex, inclusionProof, leafCommitment, merkleRoot, toHex } from '@carechain/ledger-merkle';
import { VerificationFailure } from './verification-failure';
import { checkLeafAndPath, receiptPathHolds, verifyEvent, type AnchoredBatch, type EventReceipt } from './verify-event';

const salt = Buffer.alloc(32, 7);
const events = [0, 1, 2, 3, 4].map((i) => ({ specversion: '1.0', id: `e-${i}`, type: 'carechain.spec.thing.done.v1', data: { n: i } }));
const leaves = events.map((e) => leafCommitment(canonicalEventBytes(e), salt));
const root = toHex(merkleRoot(leaves));
const receiptOf = (i: number): EventReceipt => ({
  eventId: `e-${i}`,
  source: { topic: 't', partition: 0, offset: String(10 + i) },
  commitment: toHex(leaves[i]!),
  batchId: 'b'.repeat(64),
  leafIndex: i,
  treeSize: 5,
  proof: inclusionProof(leaves, i).map(toHex),
  merkleRoot: root,
});
const batch: AnchoredBatch = {
  merkleRoot: root,
  leafCount: 5,
  sourceRange: { topic: 't', partition: 0, firstOffset: 10, lastOffset: 14 },
  anchoredAt: '2026-01-01T00:00:00Z',
  txId: 'tx',
  submitterMspId: 'ProviderOrgMSP',
};
const chainWith = (b: AnchoredBatch | undefined) => ({ getBatch: async () => b });
const bytes = (i: number) => Buffer.from(JSON.stringify(events[i]));

describe('verifyEvent', () => {
  it.each([0, 1, 2, 3, 4])('verifies leaf %i of a batch of 5', async (i) => {
    expect(await verifyEvent(bytes(i), receiptOf(i), salt, chainWith(batch))).toMatchObject({ verified: true, leafIndex: i, batch });
  });

  it.each<[string, () => Promise<unknown>, VerificationFailure]>([
    ['the event is not JSON', () => verifyEvent(Buffer.from('{not json'), receiptOf(0), salt, chainWith(batch)), VerificationFailure.NotJson],
    [
      'the salt was shredded',
      () => verifyEvent(bytes(0), receiptOf(0), { unavailable: VerificationFailure.SaltShredded, reason: 'erased' }, chainWith(batch)),
      VerificationFailure.SaltShredded,
    ],
    ['another salt', () => verifyEvent(bytes(0), receiptOf(0), Buffer.alloc(32, 8), chainWith(batch)), VerificationFailure.LeafMismatch],
    ['another event', () => verifyEvent(bytes(1), receiptOf(0), salt, chainWith(batch)), VerificationFailure.LeafMismatch],
    ['a wrong path', () => verifyEvent(bytes(0), { ...receiptOf(0), proof: receiptOf(1).proof }, salt, chainWith(batch)), VerificationFailure.PathMismatch],
    ['no batch on the chain', () => verifyEvent(bytes(0), receiptOf(0), salt, chainWith(undefined)), VerificationFailure.BatchUnknown],
    [
      'another root on the chain',
      () => verifyEvent(bytes(0), receiptOf(0), salt, chainWith({ ...batch, merkleRoot: 'c'.repeat(64) })),
      VerificationFailure.RootMismatch,
    ],
    ['another size on the chain', () => verifyEvent(bytes(0), receiptOf(0), salt, chainWith({ ...batch, leafCount: 6 })), VerificationFailure.SizeMismatch],
    [
      'an offset outside the range',
      () => verifyEvent(bytes(0), { ...receiptOf(0), source: { topic: 't', partition: 0, offset: '99' } }, salt, chainWith(batch)),
      VerificationFailure.OutsideRange,
    ],
  ])('refuses when %s', async (_case, run, failure) => {
    expect(await run()).toMatchObject({ verified: false, failure });
  });

  it('checks a receipt’s path without the event, and never throws on a hostile one', () => {
    expect(receiptPathHolds(receiptOf(3))).toBe(true);
    expect(receiptPathHolds({ ...receiptOf(3), leafIndex: 9 })).toBe(false);
    expect(receiptPathHolds({ ...receiptOf(3), proof: ['zz'] })).toBe(false);
    expect(checkLeafAndPath(bytes(3), receiptOf(3), fromHex(toHex(salt)))).toBeUndefined();
  });
});
