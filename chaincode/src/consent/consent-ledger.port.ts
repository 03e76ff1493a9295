// The slice of the chaincode stub the consent contract touches: point reads and
// writes under composite keys, one event, and the transaction's own time and id.
// fabric-shim's ChaincodeStub satisfies it structurally (checked where the contract
// assigns ctx.stub), and the specs fake exactly this much.

export interface ConsentLedger {
  /** An empty value means "no such key", as in fabric-shim. */
  getState(key: string): Promise<Uint8Array>;
  putState(key: string, value: Uint8Array): Promise<void>;
  /** fabric-shim's key: U+0000, objectType, U+0000, then each attribute followed by U+0000. */
  createCompositeKey(objectType: string, attributes: string[]): string;
  /** Fabric keeps one event per transaction: the last one set. */
  setEvent(name: string, payload: Uint8Array): void;
  /** The transaction timestamp: chosen by the client, the same on every endorser. */
  getDateTimestamp(): Date;
  /** The transaction id: the record names the transaction of each change. */
  getTxID(): string;
}
