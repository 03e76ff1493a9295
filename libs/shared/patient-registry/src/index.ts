export * from './patient-registry';
