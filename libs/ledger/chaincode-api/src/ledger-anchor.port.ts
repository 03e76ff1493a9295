// The client's port to the anchor contract: submit one batch anchor and wait for its
// commit, or read a batch back. The Fabric gateway adapter (@carechain/ledger-fabric)
// is the real implementation; unit specs fake it.
import type { BatchAnchor, BatchRecord } from './batch-record';

export interface AnchoredBatch {
  readonly txId: string;
  readonly blockNumber: string;
  /** True when the chain already held the batch (a re-run after a crash): nothing new was written. */
  readonly alreadyAnchored: boolean;
  readonly anchoredAt: string;
}

export interface LedgerAnchor {
  anchor(batch: BatchAnchor): Promise<AnchoredBatch>;
  getBatch(batchId: string): Promise<BatchRecord | undefined>;
}
