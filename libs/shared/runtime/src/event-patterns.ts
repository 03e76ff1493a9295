// What an @EventPattern handler is, said in its extras: the transport reads them to
// decide which consumer feeds it. Topics are the pattern(s); the rest is here.
//
//   @EventPattern([Topics.identityKeys], replica('carechain.records.keys'))
//   keys(record: ReplicatedRecord) { return this.keys.apply(record); }
import type { KafkaConsumerOptions } from '@carechain/messaging';
import type { Projection } from '@carechain/read-model';

/** The consumer settings a processor may tune (batching by size and time, parallel partitions). */
export type ProcessorConsumerOptions = Pick<KafkaConsumerOptions, 'minBatchBytes' | 'maxWaitMs' | 'maxBatchBytes' | 'concurrency'>;

/**
 * - `replica`: in-memory state every instance rebuilds by replaying its topics; called
 *   with each ReplicatedRecord; the service is not ready before it caught up.
 * - `projection`: a Redis read model; called with each ConsumedRecord, answers its
 *   ProjectionCommands, which are stored with the offset in one step.
 * - `processor`: any other consumer (e.g. ledger-writer's anchoring); called with each
 *   RecordBatch, with bounded retries and the DLQ.
 */
export type EventBinding =
  | { readonly kind: 'replica'; readonly name: string }
  | { readonly kind: 'projection'; readonly name: string; readonly consumerGroup: string }
  | { readonly kind: 'processor'; readonly name: string; readonly groupId: string; readonly consumer?: ProcessorConsumerOptions };

/** The key of the binding in a handler's extras. */
export const BINDING = 'carechain';

export type EventExtras = { readonly [BINDING]: EventBinding };

/** Names the state in readiness checks (`replica:<name>`), e.g. `carechain.records.grants`. */
export function replica(name: string): EventExtras {
  return { [BINDING]: { kind: 'replica', name } };
}

/** A read model: its name (the key namespace) and consumer group come from the projection. */
export function projection(p: Pick<Projection, 'name' | 'consumerGroup'>): EventExtras {
  return { [BINDING]: { kind: 'projection', name: p.name, consumerGroup: p.consumerGroup } };
}

export function processor(name: string, groupId: string, consumer?: ProcessorConsumerOptions): EventExtras {
  return { [BINDING]: { kind: 'processor', name, groupId, ...(consumer && { consumer }) } };
}
