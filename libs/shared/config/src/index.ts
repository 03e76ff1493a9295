export * from './load-config';
export * from './fields';
export * from './service-config';
export * from './data-plane-credentials';
