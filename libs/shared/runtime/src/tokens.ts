// Injection tokens for the ports a service's runtime provides.
export const LOGGER = Symbol('carechain.logger');
export const KAFKA = Symbol('carechain.kafka');
export const EVENT_PUBLISHER = Symbol('carechain.event-publisher');
export const REDIS = Symbol('carechain.redis');
export const PROJECTIONS = Symbol('carechain.projections');
export const PROCESSORS = Symbol('carechain.processors');
export const REPLICAS = Symbol('carechain.replicas');
