export * from './projection';
export * from './projection-runner';
export * from './redis-client';
