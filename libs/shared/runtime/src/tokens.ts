// Injection tokens for the ports a service's runtime provides.
export const LOGGER = Symbol('carechain.logger');
export const KAFKA = Symbol('carechain.kafka');
export const EVENT_PUBLISHER = Symbol('carechain.event-publisher');
export const REDIS = Symbol('carechain.redis');
/** The KafkaEventTransport: feeds the @EventPattern handlers, tells how far replicas and read models are applied. */
export const EVENT_TRANSPORT = Symbol('carechain.event-transport');
/** The replicas' progress (ReplicaProgress), for a request that waits for a write. */
export const REPLICA_PROGRESS = Symbol('carechain.replica-progress');
