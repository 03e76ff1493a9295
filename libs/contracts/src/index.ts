export * from './topics';
export * from './envelope';
export * from './contract.error';
export * from './registry';
export * from './identity/patient.schema';
export * from './identity/patient-registered.v1';
export * from './consumer-groups';
export * from './asyncapi';
