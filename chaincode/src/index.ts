// Entry point loaded by `fabric-chaincode-node server`: it reads `contracts` and
// registers each class; the first one is the default contract of the chaincode.
import { AnchorContract } from './anchor/anchor.contract';

export { AnchorContract } from './anchor/anchor.contract';
export { ANCHOR_CONTRACT_NAME, BATCH_ANCHORED_EVENT } from './anchor/anchor.names';
export { AnchorErrorCode } from './anchor/anchor.error';
export type { BatchRecord, SourceRange } from './anchor/batch-record';

export const contracts = [AnchorContract];
