export * from './tokens';
export * from './runtime.module';
export * from './start-service';
