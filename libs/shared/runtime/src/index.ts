export * from './tokens';
export * from './runtime.module';
export * from './start-service';
export * from './event-patterns';
export * from './kafka-event.transport';
export * from './service-openapi';
