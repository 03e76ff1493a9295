// The port to the ledger: submit one batch anchor and wait for its commit, or read
// a batch back. The Fabric gateway adapter is the real implementation; unit specs
// fake it.

export interface SourceRange {
  readonly topic: string;
  readonly partition: number;
  readonly firstOffset: number;
  readonly lastOffset: number;
}

export interface BatchAnchor {
  readonly batchId: string;
  readonly merkleRoot: string;
  readonly leafCount: number;
  readonly firstTime: string;
  readonly lastTime: string;
  readonly sourceRange: SourceRange;
}

export interface AnchoredBatch {
  readonly txId: string;
  readonly blockNumber: string;
  /** True when the chain already held the batch (a re-run after a crash): nothing new was written. */
  readonly alreadyAnchored: boolean;
  readonly anchoredAt: string;
}

export interface BatchRecord extends BatchAnchor {
  readonly anchoredAt: string;
  readonly submitterMspId: string;
  readonly txId: string;
}

export interface LedgerAnchor {
  anchor(batch: BatchAnchor): Promise<AnchoredBatch>;
  getBatch(batchId: string): Promise<BatchRecord | undefined>;
}
