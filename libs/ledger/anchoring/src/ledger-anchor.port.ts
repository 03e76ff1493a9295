// The port to the ledger: submit one batch anchor and wait for its commit, or read
// a batch back. The Fabric gateway adapter is the real implementation; unit specs
// fake it. The record shapes are the chaincode's own (@carechain/ledger-chaincode-api).
import type { BatchAnchor, BatchRecord } from '@carechain/ledger-chaincode-api';

export type { BatchAnchor, BatchRecord, SourceRange } from '@carechain/ledger-chaincode-api';

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
