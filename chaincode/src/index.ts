// Entry point loaded by `fabric-chaincode-node server`: it reads `contracts` and
// registers each class; the first one is the default contract of the chaincode.
import { AnchorContract } from './anchor/anchor.contract';
import { ConsentContract } from './consent/consent.contract';

export { AnchorContract } from './anchor/anchor.contract';
export { ANCHOR_CONTRACT_NAME, BATCH_ANCHORED_EVENT } from './anchor/anchor.names';
export { AnchorErrorCode } from './anchor/anchor.error';
export type { BatchRecord, SourceRange } from './anchor/batch-record';

export { ConsentContract } from './consent/consent.contract';
export { CONSENT_CONTRACT_NAME, GRANT_EXPIRED_EVENT, GRANT_REGISTERED_EVENT, GRANT_REVOKED_EVENT } from './consent/consent.names';
export { ConsentErrorCode } from './consent/consent.error';
export type { GrantRecord, GrantStatus } from './consent/grant-record';
export type { GrantValidity, GrantValidityReason } from './consent/grant-validity';

export const contracts = [AnchorContract, ConsentContract];
