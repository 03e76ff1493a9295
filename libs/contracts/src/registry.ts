// The typed map from event type to payload schema: the single place that knows
// every event carechain publishes. Validation runs on produce and on consume.
import { z } from 'zod';
import { envelopeSchema, type CloudEvent } from './envelope';
import { ContractError, ContractErrorCode, type ContractIssue } from './contract.error';
import { PATIENT_REGISTERED_V1, patientRegisteredV1Schema, type PatientRegisteredV1 } from './identity/patient-registered.v1';
import { RECEIPT_ISSUED_V1, receiptIssuedV1Schema, type ReceiptIssuedV1 } from './ledger/receipt-issued.v1';
import { RECEIPT_ISSUED_V2, receiptIssuedV2Schema, type ReceiptIssuedV2 } from './ledger/receipt-issued.v2';
import { CLAIM_VERDICT_V1, claimVerdictV1Schema, type ClaimVerdictV1 } from './ledger/claim-verdict.v1';
import { PATIENT_REGISTERED_V2, patientRegisteredV2Schema, type PatientRegisteredV2 } from './identity/patient-registered.v2';
import { PATIENT_LINKED_V1, patientLinkedV1Schema, type PatientLinkedV1 } from './identity/patient-linked.v1';
import {
  REVIEW_OPENED_V1,
  REVIEW_RESOLVED_V1,
  reviewOpenedV1Schema,
  reviewResolvedV1Schema,
  type ReviewOpenedV1,
  type ReviewResolvedV1,
} from './identity/match-review.v1';
import {
  PATIENT_MERGED_V1,
  PATIENT_UNMERGED_V1,
  patientMergedV1Schema,
  patientUnmergedV1Schema,
  type PatientMergedV1,
  type PatientUnmergedV1,
} from './identity/patient-merge.v1';
import { PATIENT_ERASED_V1, patientErasedV1Schema, type PatientErasedV1 } from './identity/patient-erased.v1';
import {
  MERGE_REQUEST_RESOLVED_V1,
  MERGE_REQUESTED_V1,
  mergeRequestedV1Schema,
  mergeRequestResolvedV1Schema,
  type MergeRequestedV1,
  type MergeRequestResolvedV1,
} from './identity/merge-request.v1';
import { SIGNING_KEY_REGISTERED_V1, signingKeyRegisteredV1Schema, type SigningKeyRegisteredV1 } from './identity/signing-key-registered.v1';
import { KEYS_ISSUED_V1, keysIssuedV1Schema, type KeysIssuedV1 } from './identity/keys-issued.v1';
import {
  GRANT_EXPIRED_V1,
  GRANT_GRANTED_V1,
  GRANT_REVOKED_V1,
  grantExpiredV1Schema,
  grantGrantedV1Schema,
  grantRevokedV1Schema,
  type GrantExpiredV1,
  type GrantGrantedV1,
  type GrantRevokedV1,
} from './consent/grant-events.v1';
import { BREAK_GLASS_INVOKED_V1, breakGlassInvokedV1Schema, type BreakGlassInvokedV1 } from './consent/break-glass.v1';
import {
  RECORD_SHARED_V1,
  RECORD_WRITTEN_V1,
  recordSharedV1Schema,
  recordWrittenV1Schema,
  type RecordSharedV1,
  type RecordWrittenV1,
} from './records/record-events.v1';
import { ACCESS_DECIDED_V1, accessDecidedV1Schema, type AccessDecidedV1 } from './records/access-decided.v1';
import { DEMOGRAPHICS_READ_V1, demographicsReadV1Schema, type DemographicsReadV1 } from './identity/demographics-read.v1';
import {
  CLAIM_ADJUDICATED_V1,
  CLAIM_APPEALED_V1,
  CLAIM_CANCELLED_V1,
  CLAIM_COMMITTED_V1,
  CLAIM_PAID_V1,
  CLAIM_SUBMITTED_V1,
  CLAIM_VERIFIED_V1,
  COVERAGE_REGISTERED_V1,
  claimAdjudicatedV1Schema,
  claimAppealedV1Schema,
  claimCancelledV1Schema,
  claimCommittedV1Schema,
  claimPaidV1Schema,
  claimSubmittedV1Schema,
  claimVerifiedV1Schema,
  coverageRegisteredV1Schema,
  type ClaimAdjudicatedV1,
  type ClaimAppealedV1,
  type ClaimCancelledV1,
  type ClaimCommittedV1,
  type ClaimPaidV1,
  type ClaimSubmittedV1,
  type ClaimVerifiedV1,
  type CoverageRegisteredV1,
} from './claims/claim-events.v1';
import { BENEFIT_PLAN_PUBLISHED_V1, benefitPlanPublishedV1Schema, type BenefitPlanPublishedV1 } from './claims/benefit-plan.v1';
import { ACCESS_ALERT_RAISED_V1, accessAlertRaisedV1Schema, type AccessAlertRaisedV1 } from './audit/access-alert.v1';
import { LEDGER_ALERT_RAISED_V1, ledgerAlertRaisedV1Schema, type LedgerAlertRaisedV1 } from './audit/ledger-alert.v1';
import { PATIENT_EXPORTED_V1, patientExportedV1Schema, type PatientExportedV1 } from './audit/patient-exported.v1';

export const EVENT_SCHEMAS = {
  [PATIENT_REGISTERED_V1]: patientRegisteredV1Schema,
  [RECEIPT_ISSUED_V1]: receiptIssuedV1Schema,
  [RECEIPT_ISSUED_V2]: receiptIssuedV2Schema,
  [PATIENT_REGISTERED_V2]: patientRegisteredV2Schema,
  [PATIENT_LINKED_V1]: patientLinkedV1Schema,
  [REVIEW_OPENED_V1]: reviewOpenedV1Schema,
  [REVIEW_RESOLVED_V1]: reviewResolvedV1Schema,
  [PATIENT_MERGED_V1]: patientMergedV1Schema,
  [PATIENT_UNMERGED_V1]: patientUnmergedV1Schema,
  [MERGE_REQUESTED_V1]: mergeRequestedV1Schema,
  [MERGE_REQUEST_RESOLVED_V1]: mergeRequestResolvedV1Schema,
  [PATIENT_ERASED_V1]: patientErasedV1Schema,
  [SIGNING_KEY_REGISTERED_V1]: signingKeyRegisteredV1Schema,
  [KEYS_ISSUED_V1]: keysIssuedV1Schema,
  [GRANT_GRANTED_V1]: grantGrantedV1Schema,
  [GRANT_REVOKED_V1]: grantRevokedV1Schema,
  [GRANT_EXPIRED_V1]: grantExpiredV1Schema,
  [BREAK_GLASS_INVOKED_V1]: breakGlassInvokedV1Schema,
  [RECORD_WRITTEN_V1]: recordWrittenV1Schema,
  [RECORD_SHARED_V1]: recordSharedV1Schema,
  [ACCESS_DECIDED_V1]: accessDecidedV1Schema,
  [DEMOGRAPHICS_READ_V1]: demographicsReadV1Schema,
  // claims (issue 9)
  [COVERAGE_REGISTERED_V1]: coverageRegisteredV1Schema,
  [CLAIM_SUBMITTED_V1]: claimSubmittedV1Schema,
  [CLAIM_VERIFIED_V1]: claimVerifiedV1Schema,
  [CLAIM_ADJUDICATED_V1]: claimAdjudicatedV1Schema,
  [CLAIM_PAID_V1]: claimPaidV1Schema,
  [CLAIM_CANCELLED_V1]: claimCancelledV1Schema,
  [CLAIM_APPEALED_V1]: claimAppealedV1Schema,
  [CLAIM_COMMITTED_V1]: claimCommittedV1Schema,
  [CLAIM_VERDICT_V1]: claimVerdictV1Schema,
  [BENEFIT_PLAN_PUBLISHED_V1]: benefitPlanPublishedV1Schema,
  [ACCESS_ALERT_RAISED_V1]: accessAlertRaisedV1Schema,
  [LEDGER_ALERT_RAISED_V1]: ledgerAlertRaisedV1Schema,
  [PATIENT_EXPORTED_V1]: patientExportedV1Schema,
} as const satisfies Record<string, z.ZodType>;

export type EventType = keyof typeof EVENT_SCHEMAS;

export interface EventMap {
  [PATIENT_REGISTERED_V1]: PatientRegisteredV1;
  [RECEIPT_ISSUED_V1]: ReceiptIssuedV1;
  [RECEIPT_ISSUED_V2]: ReceiptIssuedV2;
  [PATIENT_REGISTERED_V2]: PatientRegisteredV2;
  [PATIENT_LINKED_V1]: PatientLinkedV1;
  [REVIEW_OPENED_V1]: ReviewOpenedV1;
  [REVIEW_RESOLVED_V1]: ReviewResolvedV1;
  [PATIENT_MERGED_V1]: PatientMergedV1;
  [PATIENT_UNMERGED_V1]: PatientUnmergedV1;
  [MERGE_REQUESTED_V1]: MergeRequestedV1;
  [MERGE_REQUEST_RESOLVED_V1]: MergeRequestResolvedV1;
  [PATIENT_ERASED_V1]: PatientErasedV1;
  [SIGNING_KEY_REGISTERED_V1]: SigningKeyRegisteredV1;
  [KEYS_ISSUED_V1]: KeysIssuedV1;
  [GRANT_GRANTED_V1]: GrantGrantedV1;
  [GRANT_REVOKED_V1]: GrantRevokedV1;
  [GRANT_EXPIRED_V1]: GrantExpiredV1;
  [BREAK_GLASS_INVOKED_V1]: BreakGlassInvokedV1;
  [RECORD_WRITTEN_V1]: RecordWrittenV1;
  [RECORD_SHARED_V1]: RecordSharedV1;
  [ACCESS_DECIDED_V1]: AccessDecidedV1;
  [DEMOGRAPHICS_READ_V1]: DemographicsReadV1;
  // claims (issue 9)
  [COVERAGE_REGISTERED_V1]: CoverageRegisteredV1;
  [CLAIM_SUBMITTED_V1]: ClaimSubmittedV1;
  [CLAIM_VERIFIED_V1]: ClaimVerifiedV1;
  [CLAIM_ADJUDICATED_V1]: ClaimAdjudicatedV1;
  [CLAIM_PAID_V1]: ClaimPaidV1;
  [CLAIM_CANCELLED_V1]: ClaimCancelledV1;
  [CLAIM_APPEALED_V1]: ClaimAppealedV1;
  [CLAIM_COMMITTED_V1]: ClaimCommittedV1;
  [CLAIM_VERDICT_V1]: ClaimVerdictV1;
  [BENEFIT_PLAN_PUBLISHED_V1]: BenefitPlanPublishedV1;
  [ACCESS_ALERT_RAISED_V1]: AccessAlertRaisedV1;
  [LEDGER_ALERT_RAISED_V1]: LedgerAlertRaisedV1;
  [PATIENT_EXPORTED_V1]: PatientExportedV1;
}

export type AnyEvent = { [K in EventType]: CloudEvent<K, EventMap[K]> }[EventType];

function issuesOf(error: z.ZodError, prefix = ''): ContractIssue[] {
  return error.issues.map((i) => ({ path: prefix + i.path.join('.'), message: i.message }));
}

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_SCHEMAS, type);
}

/** The events of the types `T`. */
export type EventOf<T extends EventType> = Extract<AnyEvent, { readonly type: T }>;

/**
 * Whether `event` is of one of `types`. A handler declares the types it handles in one
 * list (its consumer passes over records of other types by their type header, unparsed)
 * and narrows with this before it switches on the type: a case outside the list then
 * does not compile, so the list cannot miss a type the handler acts on.
 */
export function isEventOf<const T extends EventType>(types: readonly T[], event: AnyEvent): event is EventOf<T> {
  return (types as readonly string[]).includes(event.type);
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

/**
 * Parses the bytes of a Kafka record value into a validated event. `declaredType` is the
 * record's CloudEvents type header: where it names a known type, the event must be of it
 * (consumers that pass records over by that header must agree with those that parse them).
 */
export function decodeEvent(bytes: Buffer | string | null, declaredType?: string): AnyEvent {
  if (bytes === null) throw new ContractError(ContractErrorCode.NotJson, 'record has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch {
    // Not the parser's message: it quotes the bytes, which may be PHI, into logs and DLQ headers.
    throw new ContractError(ContractErrorCode.NotJson, 'record value is not JSON');
  }
  const event = validateEvent(parsed);
  if (declaredType !== undefined && declaredType !== event.type && isKnownEventType(declaredType)) {
    throw new ContractError(ContractErrorCode.TypeMismatch, `type header ${declaredType} does not match the event's type ${event.type}`);
  }
  return event;
}

export function encodeEvent(event: CloudEvent): Buffer {
  return Buffer.from(JSON.stringify(event), 'utf8');
}

/** JSON Schemas of every payload, for consuming teams (see tools/contracts). */
export function payloadJsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(EVENT_SCHEMAS).map(([type, schema]) => [type, z.toJSONSchema(schema, { io: 'input' })]));
}
