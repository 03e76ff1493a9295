// The slice of the chaincode stub the claim contract touches: the anchor contract's
// (point reads of batch records, which it reads through the same world state to check
// billing documentation, plus its own point reads and writes, one event, and the
// transaction's time and id). fabric-shim's ChaincodeStub satisfies it structurally.
import type { AnchorLedger } from '../anchor/anchor-ledger.port';

export type ClaimLedger = AnchorLedger;
