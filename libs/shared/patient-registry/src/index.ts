export * from './patient-registry.projection';
