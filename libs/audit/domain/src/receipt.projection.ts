// audit's copy of every ledger receipt, checked on arrival. A per-batch receipt (the
// second version) is stored once, its leaves with it, and each of its events points to
// its place in it; an event's inclusion proof is derived from the batch when asked
// for (RedisAuditTrailStore). Per-event receipts of the first version, issued before,
// are kept as they came, their proof checked (the leaf, the audit path and the root
// agree). Whether a root is on the chain is the verify CLI's question: it needs a peer,
// not audit's word.
import { ConsumerGroups, RECEIPT_ISSUED_V1, RECEIPT_ISSUED_V2, Topics, type ReceiptIssuedV1, type ReceiptIssuedV2 } from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';
import { BatchProofs, receiptPathHolds } from '@carechain/ledger-verify';
import { keyPrefix, type Projection, type ProjectionCommand } from '@carechain/read-model';

export const AUDIT_RECEIPTS = 'audit.receipts';

/** An event's receipt (first version) or its place in a batch receipt. */
export function receiptKey(eventId: string): string {
  return `${keyPrefix(AUDIT_RECEIPTS)}event:${eventId}`;
}

/** A batch receipt's anchoring without its leaves: what the trail's "anchored" mark needs. */
export function batchKey(batchId: string): string {
  return `${keyPrefix(AUDIT_RECEIPTS)}batch:${batchId}`;
}

/** A batch receipt whole, leaves included: what an event's proof is derived from. */
export function batchLeavesKey(batchId: string): string {
  return `${keyPrefix(AUDIT_RECEIPTS)}batch:${batchId}:leaves`;
}

export interface Verified {
  readonly inclusion: boolean;
  readonly checkedAt: string;
}

export interface StoredReceipt {
  readonly receipt: ReceiptIssuedV1;
  readonly verified: Verified;
}

/** Under receiptKey for an event of a batch receipt. */
export interface StoredPlace {
  readonly batchId: string;
  readonly leafIndex: number;
}

/** Under batchKey. */
export interface StoredBatch {
  readonly batchId: string;
  readonly txId: string;
  readonly blockNumber: string;
  readonly verified: Verified;
}

/** Under batchLeavesKey. */
export interface StoredBatchLeaves {
  readonly receipt: ReceiptIssuedV2;
  readonly verified: Verified;
}

/** The receipt's audit path leads from its leaf to its root (docs/verification.md, step 3). */
export function inclusionHolds(r: ReceiptIssuedV1): boolean {
  return receiptPathHolds(r);
}

export const receiptProjection: Projection = {
  name: AUDIT_RECEIPTS,
  topics: [Topics.ledgerReceipt],
  consumerGroup: ConsumerGroups.auditReceipts,
  apply({ event }: ConsumedRecord): ProjectionCommand[] {
    if (event.type === RECEIPT_ISSUED_V1) {
      const stored: StoredReceipt = { receipt: event.data, verified: { inclusion: inclusionHolds(event.data), checkedAt: event.time } };
      return [['SET', receiptKey(event.data.eventId), JSON.stringify(stored)]];
    }
    if (event.type === RECEIPT_ISSUED_V2) return batchCommands(event.data, event.time);
    return [];
  },
};

function batchCommands(receipt: ReceiptIssuedV2, checkedAt: string): ProjectionCommand[] {
  // Every path of the batch holds exactly when its leaves make its root: checked once here.
  const verified: Verified = { inclusion: new BatchProofs(receipt).rootHolds, checkedAt };
  const { batchId, txId, blockNumber } = receipt;
  const batch: StoredBatch = { batchId, txId, blockNumber, verified };
  const leaves: StoredBatchLeaves = { receipt, verified };
  return [
    ['SET', batchLeavesKey(batchId), JSON.stringify(leaves)],
    ['SET', batchKey(batchId), JSON.stringify(batch)],
    ...receipt.eventIds.map((eventId, leafIndex): ProjectionCommand => [
      'SET',
      receiptKey(eventId),
      JSON.stringify({ batchId, leafIndex } satisfies StoredPlace),
    ]),
  ];
}
