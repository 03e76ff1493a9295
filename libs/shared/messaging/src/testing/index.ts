// Test support for other libs' specs, reached as '@carechain/messaging/testing'.
// Source only (the build skips testing/), so no spec helper ships in dist.
export * from './recording-publisher';
export * from './sample-events';
