export * from './patient-key-table';
export * from './kms.config';
export * from './metered.kms';
