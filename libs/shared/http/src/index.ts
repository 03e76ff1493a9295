export * from './problem';
export * from './problem-details.filter';
export * from './zod-validation.pipe';
export * from './readiness';
export * from './health.controller';
export * from './run-service';
export * from './domain-problems';
export * from './http-conventions';
