import { createEvent, RECEIPT_ISSUED_V1, type CloudEvent, type ReceiptIssuedV1 } from '@carechain/contracts';
import type { AnchoredBatch, DocumentationProof } from '@carechain/ledger-chaincode-api';
import { toHex } from '@carechain/ledger-merkle';
import type { PreparedBatch } from './prepared-batch';

export const LEDGER_SOURCE = '/carechain/ledger-writer';

/** One receipt per anchored event, keyed (through its subject) like the event it proves. */
export function receiptsFor(batch: PreparedBatch, anchored: AnchoredBatch): CloudEvent<typeof RECEIPT_ISSUED_V1, ReceiptIssuedV1>[] {
  const root = batch.anchor.merkleRoot;
  return batch.records.map((record, leafIndex) =>
    createEvent({
      type: RECEIPT_ISSUED_V1,
      source: LEDGER_SOURCE,
      ...(record.event.subject !== undefined && { subject: record.event.subject }),
      data: {
        eventId: record.event.id,
        eventType: record.event.type,
        source: { topic: record.topic, partition: record.partition, offset: record.offset },
        commitment: toHex(batch.commitments[leafIndex]!),
        saltVersion: batch.saltVersions[leafIndex]!,
        batchId: batch.anchor.batchId,
        leafIndex,
        treeSize: batch.tree.size,
        proof: batch.tree.proof(leafIndex).map(toHex),
        merkleRoot: root,
        txId: anchored.txId,
        blockNumber: anchored.blockNumber,
        anchoredAt: anchored.anchoredAt,
      },
    }),
  );
}

/** Each receipt's event id and what the ClaimContract checks of it: leaf, batch, position and path. */
export function documentationOf(receipts: readonly CloudEvent<typeof RECEIPT_ISSUED_V1, ReceiptIssuedV1>[]): Map<string, DocumentationProof> {
  return new Map(
    receipts.map(({ data }) => [data.eventId, { eventCommitment: data.commitment, batchId: data.batchId, leafIndex: data.leafIndex, proof: [...data.proof] }]),
  );
}
