// Bounds of AnchorBatch that its client must respect when it cuts batches.

/** Far above ledger-writer's batch size; keeps every inclusion proof at most 17 hashes. */
export const MAX_LEAF_COUNT = 100_000;

/**
 * The longest time window one batch may span. ledger-writer lingers seconds before
 * flushing, and cuts a replayed backlog at this span; the bound is what lets a time
 * query stop its index scan 15 minutes after its window instead of reading to the end.
 */
export const MAX_BATCH_WINDOW_MS = 15 * 60 * 1000;
