// Entry point loaded by `fabric-chaincode-node server`: it reads `contracts` and
// registers each class; the first one is the default contract of the chaincode.
// Names, refusal codes and record shapes are in @carechain/ledger-chaincode-api.
import { AnchorContract } from './anchor/anchor.contract';
import { ClaimContract } from './claim/claim.contract';
import { ConsentContract } from './consent/consent.contract';

export { AnchorContract } from './anchor/anchor.contract';
export { ClaimContract } from './claim/claim.contract';
export { ConsentContract } from './consent/consent.contract';

export const contracts = [AnchorContract, ConsentContract, ClaimContract];
