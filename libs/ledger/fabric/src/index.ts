// Hyperledger Fabric behind the ledger ports of @carechain/ledger-chaincode-api:
// one gateway connection per organisation identity, the anchor, consent and claim contract
// adapters, and the devnet's network file.
export * from './fabric-gateway';
export * from './fabric-gateway.anchor';
export * from './fabric-consent.ledger';
export * from './fabric-claim.chain';
export * from './fabric-network-file';
export * from './fabric-batch.feed';
