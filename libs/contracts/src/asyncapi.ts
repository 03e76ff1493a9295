// The published description of carechain's events for consuming teams: an
// AsyncAPI 3.0 document (channels = topics, messages = event types) whose payload
// schemas are generated from the same zod schemas the services validate with.
import { z } from 'zod';
import { envelopeSchema } from './envelope';
import { EVENT_SCHEMAS } from './registry';
import { TOPIC_SPECS } from './topics';
import { PATIENT_REGISTERED_V1 } from './identity/patient-registered.v1';
import { PATIENT_REGISTERED_V2 } from './identity/patient-registered.v2';
import { PATIENT_LINKED_V1 } from './identity/patient-linked.v1';
import { REVIEW_OPENED_V1, REVIEW_RESOLVED_V1 } from './identity/match-review.v1';
import { PATIENT_MERGED_V1, PATIENT_UNMERGED_V1 } from './identity/patient-merge.v1';
import { MERGE_REQUEST_RESOLVED_V1, MERGE_REQUESTED_V1 } from './identity/merge-request.v1';
import { PATIENT_ERASED_V1 } from './identity/patient-erased.v1';
import { SIGNING_KEY_REGISTERED_V1 } from './identity/signing-key-registered.v1';
import { KEYS_ISSUED_V1 } from './identity/keys-issued.v1';
import { GRANT_EXPIRED_V1, GRANT_GRANTED_V1, GRANT_REVOKED_V1 } from './consent/grant-events.v1';
import { BREAK_GLASS_INVOKED_V1 } from './consent/break-glass.v1';
import { RECORD_SHARED_V1, RECORD_WRITTEN_V1 } from './records/record-events.v1';
import { ACCESS_DECIDED_V1 } from './records/access-decided.v1';
import { DEMOGRAPHICS_READ_V1 } from './identity/demographics-read.v1';
import { RECEIPT_ISSUED_V1 } from './ledger/receipt-issued.v1';
import { RECEIPT_ISSUED_V2 } from './ledger/receipt-issued.v2';
import { CLAIM_VERDICT_V1 } from './ledger/claim-verdict.v1';
import { BENEFIT_PLAN_PUBLISHED_V1 } from './claims/benefit-plan.v1';
import {
  CLAIM_ADJUDICATED_V1,
  CLAIM_APPEALED_V1,
  CLAIM_CANCELLED_V1,
  CLAIM_COMMITTED_V1,
  CLAIM_PAID_V1,
  CLAIM_SUBMITTED_V1,
  CLAIM_VERIFIED_V1,
  COVERAGE_REGISTERED_V1,
} from './claims/claim-events.v1';
import { ACCESS_ALERT_RAISED_V1 } from './audit/access-alert.v1';
import { LEDGER_ALERT_RAISED_V1 } from './audit/ledger-alert.v1';
import { PATIENT_EXPORTED_V1 } from './audit/patient-exported.v1';

/** Which topic carries which event types. A new event type is added here and in EVENT_SCHEMAS. */
export const TOPIC_EVENT_TYPES: Readonly<Record<string, readonly (keyof typeof EVENT_SCHEMAS)[]>> = {
  'identity.patient.v1': [
    PATIENT_REGISTERED_V1,
    PATIENT_REGISTERED_V2,
    PATIENT_LINKED_V1,
    REVIEW_OPENED_V1,
    REVIEW_RESOLVED_V1,
    PATIENT_MERGED_V1,
    PATIENT_UNMERGED_V1,
    MERGE_REQUESTED_V1,
    MERGE_REQUEST_RESOLVED_V1,
    PATIENT_ERASED_V1,
    SIGNING_KEY_REGISTERED_V1,
  ],
  'identity.keys.v1': [KEYS_ISSUED_V1],
  'consent.grant.v1': [GRANT_GRANTED_V1, GRANT_REVOKED_V1, GRANT_EXPIRED_V1, BREAK_GLASS_INVOKED_V1],
  'records.record.v1': [RECORD_WRITTEN_V1, RECORD_SHARED_V1],
  'records.access.v1': [ACCESS_DECIDED_V1],
  'identity.access.v1': [DEMOGRAPHICS_READ_V1],
  'ledger.receipt.v1': [RECEIPT_ISSUED_V2, RECEIPT_ISSUED_V1],
  'ledger.claim.v1': [CLAIM_VERDICT_V1],
  'claims.claim.v1': [
    COVERAGE_REGISTERED_V1,
    CLAIM_SUBMITTED_V1,
    CLAIM_COMMITTED_V1,
    CLAIM_VERIFIED_V1,
    CLAIM_ADJUDICATED_V1,
    CLAIM_PAID_V1,
    CLAIM_CANCELLED_V1,
    CLAIM_APPEALED_V1,
    BENEFIT_PLAN_PUBLISHED_V1,
  ],
  'audit.alert.v1': [ACCESS_ALERT_RAISED_V1, LEDGER_ALERT_RAISED_V1],
  'audit.export.v1': [PATIENT_EXPORTED_V1],
};

const messageName = (type: string) => type.replace(/^carechain\./, '').replace(/\./g, '_');

export function asyncApiDocument(): Record<string, unknown> {
  const envelope = z.toJSONSchema(envelopeSchema.omit({ data: true }), { io: 'input' });
  const messages = Object.fromEntries(
    Object.entries(EVENT_SCHEMAS).map(([type, schema]) => [
      messageName(type),
      {
        name: type,
        contentType: 'application/cloudevents+json',
        summary: `CloudEvents 1.0 structured JSON; data is ${type}. Kafka key: the patient id (or aggregate id).`,
        payload: {
          allOf: [envelope, { type: 'object', required: ['data'], properties: { type: { const: type }, data: z.toJSONSchema(schema, { io: 'input' }) } }],
        },
      },
    ]),
  );
  const channels = Object.fromEntries(
    TOPIC_SPECS.map((t) => [
      t.name,
      {
        address: t.name,
        description: `${t.description} Partitions: ${t.partitions}; cleanup: ${t.cleanupPolicy}; retention: ${t.retentionMs < 0 ? 'forever' : `${t.retentionMs} ms`}.`,
        messages: Object.fromEntries(
          (TOPIC_EVENT_TYPES[t.name] ?? []).map((type) => [messageName(type), { $ref: `#/components/messages/${messageName(type)}` }]),
        ),
      },
    ]),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'carechain events',
      version: '1',
      description: 'Every event carechain publishes. A breaking change is a new major version of the event type.',
    },
    channels,
    components: { messages },
  };
}
