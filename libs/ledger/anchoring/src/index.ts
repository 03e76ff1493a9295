// ledger-writer's logic: Merkle batches with a written plan, receipts, consent state
// on the chain, and the salts commitments are made with. Ports and record shapes come
// from @carechain/ledger-chaincode-api; their Fabric adapters from @carechain/ledger-fabric.
export * from './batch-id';
export * from './prepared-batch';
export * from './receipts';
export * from './intent-store';
export * from './redis-intent.store';
export * from './anchoring.handler';
export * from './consent-registration.handler';
export * from './documentation-index';
export * from './claim-transitions.handler';
export * from './patient-salt.provider';
export * from './committed-salt.source';
export * from './commitment-key.config';
export * from './anchoring-faults';
