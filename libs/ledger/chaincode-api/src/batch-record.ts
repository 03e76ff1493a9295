// The one thing the anchor contract stores per batch. Every field is an id, a hash,
// a count, a time or a Kafka coordinate: nothing that could carry personal data.

/** Where the batch's events sit in Kafka: one partition, one contiguous offset range. */
export interface SourceRange {
  readonly topic: string;
  readonly partition: number;
  readonly firstOffset: number;
  readonly lastOffset: number;
}

/** What ledger-writer submits. */
export interface BatchAnchor {
  readonly batchId: string;
  readonly merkleRoot: string;
  readonly leafCount: number;
  readonly firstTime: string;
  readonly lastTime: string;
  readonly sourceRange: SourceRange;
}

/** What the chain keeps: the anchor plus facts the chaincode itself establishes. */
export interface BatchRecord extends BatchAnchor {
  /** The transaction's timestamp (set by the client, identical on every endorser). */
  readonly anchoredAt: string;
  /** MSP of the identity that submitted the transaction. */
  readonly submitterMspId: string;
  /** The transaction that anchored the batch. */
  readonly txId: string;
}

/**
 * The record's JSON with a fixed key order. Endorsing peers must produce identical
 * write sets, so the bytes may not depend on how the object happened to be built.
 */
export function serializeBatchRecord(record: BatchRecord): string {
  const { batchId, merkleRoot, leafCount, firstTime, lastTime, sourceRange, anchoredAt, submitterMspId, txId } = record;
  const { topic, partition, firstOffset, lastOffset } = sourceRange;
  return JSON.stringify({
    batchId,
    merkleRoot,
    leafCount,
    firstTime,
    lastTime,
    sourceRange: { topic, partition, firstOffset, lastOffset },
    anchoredAt,
    submitterMspId,
    txId,
  });
}
