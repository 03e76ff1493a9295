// Which records a consumer parses. The publisher sets the CloudEvents binary-mode
// `ce_type` header beside the structured envelope, so a consumer tells a record's type
// without parsing its value: a record whose header names a known type that no handler
// of the consumer handles is passed over unparsed (its offset still advances with the
// batch it came in). A record without the header, or whose header names no known type,
// is parsed as before, and dead-lettered if malformed; a record that is parsed must be
// of the type its header names, so a header that lies is rejected wherever it is parsed
// and applied nowhere.
import type { KafkaMessage } from 'kafkajs';
import { decodeEvent, isKnownEventType, type AnyEvent } from '@carechain/contracts';

/** The CloudEvents Kafka binding's type header (binary content mode). */
export const CE_TYPE_HEADER = 'ce_type';

/**
 * Per topic, the event types a consumer's handlers handle. A topic that is not in the
 * map is not filtered: every record of it is parsed (an audit trail, anchoring).
 */
export type HandledTypes = ReadonlyMap<string, ReadonlySet<string>>;

/** The record's type header, or undefined when it has none (or several). */
export function typeHeaderOf(message: Pick<KafkaMessage, 'headers'>): string | undefined {
  const value = message.headers?.[CE_TYPE_HEADER];
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return typeof value === 'string' ? value : undefined;
}

/** Whether a record of `declaredType` is passed over by a consumer handling `handled` of its topic. */
export function passesOver(handled: ReadonlySet<string> | undefined, declaredType: string | undefined): boolean {
  return handled !== undefined && declaredType !== undefined && !handled.has(declaredType) && isKnownEventType(declaredType);
}

/**
 * A consumer's per-record step before its handler: undefined for a record passed over
 * by its type header, else the validated event (a ContractError when it is malformed).
 */
export function decodeRecord(message: Pick<KafkaMessage, 'headers' | 'value'>, handled: ReadonlySet<string> | undefined): AnyEvent | undefined {
  const declaredType = typeHeaderOf(message);
  if (passesOver(handled, declaredType)) return undefined;
  return decodeEvent(message.value, declaredType);
}
