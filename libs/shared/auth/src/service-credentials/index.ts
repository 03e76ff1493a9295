export * from './service-credentials.port';
export * from './signed-service-credentials';
export * from './client-credentials.service-credentials';
