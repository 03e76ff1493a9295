// A batch receipt (ledger.receipt.v1's second version: one message per anchored batch)
// expanded into the receipt of each of its events: the event's leaf, place and audit
// path, derived from the batch's leaves. The tree is built once per batch; each path
// then costs O(log n). Whoever holds a batch receipt can answer for any of its events
// with exactly what a per-event receipt carried, so verification is unchanged.
import { buildTree, hashFromHex, toHex, type MerkleTree } from '@carechain/ledger-merkle';
import type { EventReceipt } from './verify-event';

/** The fields of a batch receipt (the contract's ReceiptIssuedV2). */
export interface BatchReceipt {
  readonly batchId: string;
  readonly merkleRoot: string;
  readonly treeSize: number;
  readonly txId: string;
  readonly blockNumber: string;
  readonly anchoredAt: string;
  readonly source: { readonly topic: string; readonly partition: number; readonly firstOffset: string; readonly lastOffset: string };
  readonly eventIds: readonly string[];
  readonly offsets: readonly number[];
  readonly commitments: readonly string[];
  readonly eventTypes: readonly string[];
  readonly typeOf: readonly number[];
  readonly saltVersions: readonly string[];
  readonly saltOf: readonly number[];
}

/** One event's receipt as the first version carried it: its leaf, path and the batch's anchoring. */
export interface EventReceiptOfBatch extends EventReceipt {
  readonly eventType: string;
  readonly saltVersion: string;
  readonly txId: string;
  readonly blockNumber: string;
  readonly anchoredAt: string;
}

export class BatchProofs {
  private readonly tree: MerkleTree | undefined;
  /** Whether the leaves make the receipt's root (what audit checks on arrival); paths are derived only where it holds. */
  readonly rootHolds: boolean;

  constructor(readonly batch: BatchReceipt) {
    this.tree = treeOf(batch);
    this.rootHolds = this.tree !== undefined && this.tree.size === batch.treeSize && toHex(this.tree.root) === batch.merkleRoot;
  }

  /** The receipt of the event at leaf `leafIndex`, with its audit path; undefined outside the batch. */
  receiptAt(leafIndex: number): EventReceiptOfBatch | undefined {
    const b = this.batch;
    if (!Number.isInteger(leafIndex) || leafIndex < 0 || leafIndex >= b.eventIds.length) return undefined;
    return {
      eventId: b.eventIds[leafIndex]!,
      eventType: b.eventTypes[b.typeOf[leafIndex]!]!,
      source: { topic: b.source.topic, partition: b.source.partition, offset: (BigInt(b.source.firstOffset) + BigInt(b.offsets[leafIndex]!)).toString() },
      commitment: b.commitments[leafIndex]!,
      saltVersion: b.saltVersions[b.saltOf[leafIndex]!]!,
      batchId: b.batchId,
      leafIndex,
      treeSize: b.treeSize,
      proof: this.rootHolds ? this.tree!.proof(leafIndex).map(toHex) : [],
      merkleRoot: b.merkleRoot,
      txId: b.txId,
      blockNumber: b.blockNumber,
      anchoredAt: b.anchoredAt,
    };
  }
}

function treeOf(batch: BatchReceipt): MerkleTree | undefined {
  try {
    return buildTree(batch.commitments.map((c) => hashFromHex(c, 'a commitment')));
  } catch {
    return undefined; // a malformed leaf: the root cannot hold
  }
}
