// What an @EventPattern handler is, said in its extras: the transport reads them to
// decide which consumer feeds it. Topics are the pattern(s); the rest is here.
//
//   @EventPattern([Topics.identityKeys], replica('carechain.records.keys'))
//   keys(record: ReplicatedRecord) { return this.keys.apply(record); }
import type { EventType } from '@carechain/contracts';
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
  | { readonly kind: 'replica'; readonly name: string; readonly handles?: readonly EventType[] }
  | { readonly kind: 'projection'; readonly name: string; readonly consumerGroup: string; readonly handles?: readonly EventType[] }
  | { readonly kind: 'processor'; readonly name: string; readonly groupId: string; readonly consumer?: ProcessorConsumerOptions };

/** The key of the binding in a handler's extras. */
export const BINDING = 'carechain';

export type EventExtras = { readonly [BINDING]: EventBinding };

/**
 * Names the state in readiness checks (`replica:<name>`), e.g. `carechain.records.grants`.
 * `handles`: the event types it applies, where it declares them; records of other types
 * on its topics are then passed over by their type header, unparsed. Leave it out for a
 * replica that must see every record (a completeness check).
 */
export function replica(name: string, handles?: readonly EventType[]): EventExtras {
  return { [BINDING]: { kind: 'replica', name, ...(handles && { handles }) } };
}

/**
 * A read model: its name (the key namespace) and consumer group come from the projection,
 * and so do the event types it handles (`eventTypes`; left out, it parses every record).
 */
export function projection(p: Pick<Projection, 'name' | 'consumerGroup' | 'eventTypes'>): EventExtras {
  return { [BINDING]: { kind: 'projection', name: p.name, consumerGroup: p.consumerGroup, ...(p.eventTypes && { handles: p.eventTypes }) } };
}

/** A processor sees every record of its topics (ledger-writer anchors every event). */
export function processor(name: string, groupId: string, consumer?: ProcessorConsumerOptions): EventExtras {
  return { [BINDING]: { kind: 'processor', name, groupId, ...(consumer && { consumer }) } };
}
