// The anchor contract's names: ledger-writer submits `anchor:AnchorBatch`, verifiers
// evaluate `anchor:GetBatch`, listeners subscribe to the `BatchAnchored` event.

/** The contract's name within the `carechain` chaincode (consent and claims join it). */
export const ANCHOR_CONTRACT_NAME = 'anchor';

export const AnchorFunction = {
  AnchorBatch: 'AnchorBatch',
  GetBatch: 'GetBatch',
  QueryBatchesByTime: 'QueryBatchesByTime',
} as const;
export type AnchorFunction = (typeof AnchorFunction)[keyof typeof AnchorFunction];

/** Chaincode event emitted with the stored record's JSON as payload. */
export const BATCH_ANCHORED_EVENT = 'BatchAnchored';
