// audit's copy of every ledger receipt, with its inclusion proof checked on arrival
// (the leaf, the audit path and the root in the receipt agree). Whether the root is
// on the chain is the verify CLI's question: it needs a peer, not audit's word.
import { ConsumerGroups, RECEIPT_ISSUED_V1, Topics, type ReceiptIssuedV1 } from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';
import { receiptPathHolds } from '@carechain/ledger-verify';
import { keyPrefix, type Projection, type ProjectionCommand } from '@carechain/read-model';

export const AUDIT_RECEIPTS = 'audit.receipts';

export function receiptKey(eventId: string): string {
  return `${keyPrefix(AUDIT_RECEIPTS)}event:${eventId}`;
}

export interface StoredReceipt {
  readonly receipt: ReceiptIssuedV1;
  readonly verified: { readonly inclusion: boolean; readonly checkedAt: string };
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
    if (event.type !== RECEIPT_ISSUED_V1) return [];
    const stored: StoredReceipt = { receipt: event.data, verified: { inclusion: inclusionHolds(event.data), checkedAt: event.time } };
    return [['SET', receiptKey(event.data.eventId), JSON.stringify(stored)]];
  },
};
