// Names other components depend on: ledger-writer submits to `anchor:AnchorBatch`
// and listeners subscribe to the `BatchAnchored` chaincode event.

/** The contract's name within the `carechain` chaincode (consent and claims join it). */
export const ANCHOR_CONTRACT_NAME = 'anchor';

/** Chaincode event emitted with the stored record's JSON as payload. */
export const BATCH_ANCHORED_EVENT = 'BatchAnchored';
