export * from './ports';
export * from './failure-policy';
export * from './dead-letter';
export * from './trace-context';
export * from './kafka/kafka-client';
export * from './kafka/kafka-publisher';
export * from './kafka/kafka-consumer';
export * from './kafka/kafka-admin';
