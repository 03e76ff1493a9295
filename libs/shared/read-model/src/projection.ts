// A projection turns events into Redis writes. It is pure: given a record, it
// returns the commands; the runner applies them together with the consumed offset
// in one atomic step, so a crash can never leave a model that has an event's
// effect but not its offset (or the reverse).
import type { EventType } from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';

/** The Redis commands a projection may use: writes whose effect depends only on their arguments. */
export const ALLOWED_COMMANDS = ['HSET', 'HDEL', 'SET', 'DEL', 'SADD', 'SREM', 'ZADD', 'ZREM', 'RPUSH', 'HINCRBY', 'INCRBY'] as const;
export type AllowedCommand = (typeof ALLOWED_COMMANDS)[number];

export type ProjectionCommand = readonly [command: AllowedCommand, key: string, ...args: string[]];

export interface Projection {
  /** Also the key namespace: every key the projection writes starts with `rm:<name>:`. */
  readonly name: string;
  readonly topics: readonly string[];
  readonly consumerGroup: string;
  /**
   * The event types `apply` handles, where the projection declares them: records of other
   * types are passed over by their type header, unparsed, and only their offsets stored.
   * Left out, every record is parsed (an audit trail must see them all).
   */
  readonly eventTypes?: readonly EventType[];
  apply(record: ConsumedRecord): readonly ProjectionCommand[];
}

export function keyPrefix(projectionName: string): string {
  return `rm:${projectionName}:`;
}

export function offsetsKey(projectionName: string): string {
  return `${keyPrefix(projectionName)}_offsets`;
}

/** A projection as the runner takes it: one bound as an @EventPattern handler answers through a promise. */
export interface RunnableProjection extends Omit<Projection, 'apply'> {
  apply(record: ConsumedRecord): readonly ProjectionCommand[] | Promise<readonly ProjectionCommand[]>;
}
