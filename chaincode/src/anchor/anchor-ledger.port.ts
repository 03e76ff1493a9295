// The slice of the chaincode stub the anchor contract touches. Naming it keeps the
// contract's reach visible and lets the specs fake exactly this much; fabric-shim's
// ChaincodeStub satisfies it structurally (checked where the contract passes ctx.stub).

export interface LedgerEntry {
  readonly key: string;
  readonly value: Uint8Array;
}

export interface AnchorLedger {
  /** An empty value means "no such key", as in fabric-shim. */
  getState(key: string): Promise<Uint8Array>;
  putState(key: string, value: Uint8Array): Promise<void>;
  /** Simple (non-composite) keys only; start inclusive, end exclusive, byte order. */
  getStateByRange(startKey: string, endKey: string): AsyncIterable<LedgerEntry>;
  setEvent(name: string, payload: Uint8Array): void;
  /** The transaction timestamp: chosen by the client, the same on every endorser. */
  getDateTimestamp(): Date;
  /** The transaction id: receipts name it, and a re-run after BATCH_EXISTS reads it back. */
  getTxID(): string;
}
