export * from './sdk';
export * from './logger';
export * from './nest-logger';
export * from './metrics';
export * from './metric-readers';
export * from './http-route';
