// The CloudEvents 1.0 structured-mode JSON envelope every carechain message uses.
// `traceparent`/`tracestate` are the CloudEvents distributed-tracing extension;
// `actor`/`actororg` name who caused the event (ids, never names).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

const EXTENSION_VALUE = z.string().max(512);

export const eventTypePattern = /^carechain\.[a-z]+\.[a-z]+\.[a-z-]+\.v[1-9][0-9]*$/;

export const envelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(128),
  source: z.string().min(1).max(256),
  type: z.string().regex(eventTypePattern, 'must look like carechain.<domain>.<entity>.<verb>.v<major>'),
  subject: z.string().min(1).max(128).optional(),
  time: z.iso.datetime({ offset: false }),
  datacontenttype: z.literal('application/json'),
  dataschema: z.string().url(),
  data: z.unknown(),
  traceparent: z
    .string()
    .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/)
    .optional(),
  tracestate: EXTENSION_VALUE.optional(),
  actor: z.string().min(1).max(128).optional(),
  actororg: z.string().min(1).max(64).optional(),
});

export type Envelope = z.infer<typeof envelopeSchema>;

/** A validated event whose `data` has the payload type of its event type. */
export interface CloudEvent<TType extends string = string, TData = unknown> extends Omit<Envelope, 'type' | 'data'> {
  readonly type: TType;
  readonly data: TData;
}

export interface NewEvent<TType extends string, TData> {
  readonly type: TType;
  readonly source: string;
  readonly subject?: string;
  readonly data: TData;
  readonly actor?: string;
  readonly actororg?: string;
  readonly id?: string;
  readonly time?: Date;
}

export function dataschemaFor(type: string): string {
  // carechain.identity.patient.registered.v1 → …/identity/patient/registered/v1.json
  const [, ...parts] = type.split('.');
  return `https://carechain.dev/schemas/${parts.join('/')}.json`;
}

/** Builds an envelope; validation against the registry happens in `validateEvent`. */
export function createEvent<TType extends string, TData>(input: NewEvent<TType, TData>): CloudEvent<TType, TData> {
  return {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    ...(input.subject !== undefined && { subject: input.subject }),
    time: (input.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    dataschema: dataschemaFor(input.type),
    data: input.data,
    ...(input.actor !== undefined && { actor: input.actor }),
    ...(input.actororg !== undefined && { actororg: input.actororg }),
  };
}
