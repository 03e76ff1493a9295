export * from './register-patient.command';
export * from './register-patient.use-case';
export * from './patient-directory.projection';
export * from './patient-directory.reader';
