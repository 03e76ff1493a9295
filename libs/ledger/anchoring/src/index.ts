export * from './ledger-anchor.port';
export * from './batch-id';
export * from './prepared-batch';
export * from './receipts';
export * from './intent-store';
export * from './anchoring.handler';
export * from './fabric-gateway.anchor';
