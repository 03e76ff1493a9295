export * from './sdk';
export * from './logger';
export * from './nest-logger';
