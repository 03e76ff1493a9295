import { createEvent, RECEIPT_ISSUED_V2, type CloudEvent, type ReceiptIssuedV2 } from '@carechain/contracts';
import type { AnchoredBatch, DocumentationProof } from '@carechain/ledger-chaincode-api';
import { toHex } from '@carechain/ledger-merkle';
import type { PreparedBatch } from './prepared-batch';

export const LEDGER_SOURCE = '/carechain/ledger-writer';

/**
 * One receipt per anchored batch: its events in leaf order with their leaves and places
 * (each event's inclusion proof is derived from them: @carechain/ledger-verify's
 * BatchProofs). Keyed by batch id, so receipts spread over the topic's partitions.
 */
export function batchReceiptFor(batch: PreparedBatch, anchored: AnchoredBatch): CloudEvent<typeof RECEIPT_ISSUED_V2, ReceiptIssuedV2> {
  const first = BigInt(batch.records[0]!.offset);
  const types = new Dictionary();
  const salts = new Dictionary();
  return createEvent({
    type: RECEIPT_ISSUED_V2,
    source: LEDGER_SOURCE,
    data: {
      batchId: batch.anchor.batchId,
      merkleRoot: batch.anchor.merkleRoot,
      treeSize: batch.tree.size,
      txId: anchored.txId,
      blockNumber: anchored.blockNumber,
      anchoredAt: anchored.anchoredAt,
      source: {
        topic: batch.anchor.sourceRange.topic,
        partition: batch.anchor.sourceRange.partition,
        firstOffset: batch.records[0]!.offset,
        lastOffset: batch.records[batch.records.length - 1]!.offset,
      },
      eventIds: batch.records.map((r) => r.event.id),
      offsets: batch.records.map((r) => Number(BigInt(r.offset) - first)),
      commitments: batch.commitments.map((c) => toHex(c)),
      typeOf: batch.records.map((r) => types.indexOf(r.event.type)),
      eventTypes: types.values,
      saltOf: batch.saltVersions.map((v) => salts.indexOf(v)),
      saltVersions: salts.values,
    },
  });
}

/** Each record event's leaf, batch, position and path: what the ClaimContract checks of a claim's documentation. */
export function documentationOf(batch: PreparedBatch): Map<string, DocumentationProof> {
  return new Map(
    batch.records.map((record, leafIndex) => [
      record.event.id,
      { eventCommitment: toHex(batch.commitments[leafIndex]!), batchId: batch.anchor.batchId, leafIndex, proof: batch.tree.proof(leafIndex).map(toHex) },
    ]),
  );
}

/** Distinct values in first-seen order, each known by its index. */
class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  indexOf(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.push(value) - 1;
      this.index.set(value, i);
    }
    return i;
  }
}
