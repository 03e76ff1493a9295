// The typed map from event type to payload schema: the single place that knows
// every event carechain publishes. Validation runs on produce and on consume.
import { z } from 'zod';
import { envelopeSchema, type CloudEvent } from './envelope';
import { ContractError, ContractErrorCode, type ContractIssue } from './contract.error';
import { PATIENT_REGISTERED_V1, patientRegisteredV1Schema, type PatientRegisteredV1 } from './identity/patient-registered.v1';
import { RECEIPT_ISSUED_V1, receiptIssuedV1Schema, type ReceiptIssuedV1 } from './ledger/receipt-issued.v1';

export const EVENT_SCHEMAS = {
  [PATIENT_REGISTERED_V1]: patientRegisteredV1Schema,
  [RECEIPT_ISSUED_V1]: receiptIssuedV1Schema,
} as const satisfies Record<string, z.ZodType>;

export type EventType = keyof typeof EVENT_SCHEMAS;

export interface EventMap {
  [PATIENT_REGISTERED_V1]: PatientRegisteredV1;
  [RECEIPT_ISSUED_V1]: ReceiptIssuedV1;
}

export type AnyEvent = { [K in EventType]: CloudEvent<K, EventMap[K]> }[EventType];

function issuesOf(error: z.ZodError, prefix = ''): ContractIssue[] {
  return error.issues.map((i) => ({ path: prefix + i.path.join('.'), message: i.message }));
}

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_SCHEMAS, type);
}

/** Validates an already-parsed envelope and its data against the registry. */
export function validateEvent(candidate: unknown): AnyEvent {
  const envelope = envelopeSchema.safeParse(candidate);
  if (!envelope.success) {
    throw new ContractError(ContractErrorCode.BadEnvelope, 'not a valid CloudEvents 1.0 envelope', issuesOf(envelope.error));
  }
  const { type } = envelope.data;
  if (!isKnownEventType(type)) {
    throw new ContractError(ContractErrorCode.UnknownType, `unknown event type ${type}`);
  }
  const data = EVENT_SCHEMAS[type].safeParse(envelope.data.data);
  if (!data.success) {
    throw new ContractError(ContractErrorCode.BadData, `data does not match ${type}`, issuesOf(data.error, 'data.'));
  }
  return { ...envelope.data, type, data: data.data } as AnyEvent;
}

/** Parses the bytes of a Kafka record value into a validated event. */
export function decodeEvent(bytes: Buffer | string | null): AnyEvent {
  if (bytes === null) throw new ContractError(ContractErrorCode.NotJson, 'record has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch (err) {
    throw new ContractError(ContractErrorCode.NotJson, `record value is not JSON: ${(err as Error).message}`);
  }
  return validateEvent(parsed);
}

export function encodeEvent(event: CloudEvent): Buffer {
  return Buffer.from(JSON.stringify(event), 'utf8');
}

/** JSON Schemas of every payload, for consuming teams (see tools/contracts). */
export function payloadJsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(EVENT_SCHEMAS).map(([type, schema]) => [type, z.toJSONSchema(schema, { io: 'input' })]));
}
