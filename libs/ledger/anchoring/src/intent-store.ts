// Before a partition's batches are submitted, their offset ranges and leaves are
// written down. After a crash the writer re-forms exactly those batches (whatever the
// next fetch happens to return), so their ids are the same and the chaincode's refusal
// keeps them from being anchored twice; and it reuses the leaves, so the root is the
// same even if a patient's salt was rotated or shredded in between.
export interface OffsetRange {
  readonly firstOffset: string;
  readonly lastOffset: string;
  /** Each event's commitment (hex) and the salt version it was made with, in offset order. */
  readonly commitments?: readonly string[];
  readonly saltVersions?: readonly string[];
}

/** The planned Merkle batches of one partition batch, in order. */
export interface BatchIntent {
  readonly ranges: readonly OffsetRange[];
}

export interface IntentStore {
  get(topic: string, partition: number): Promise<BatchIntent | undefined>;
  put(topic: string, partition: number, intent: BatchIntent): Promise<void>;
  clear(topic: string, partition: number): Promise<void>;
}
