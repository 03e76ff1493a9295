// claims' Redis read model over claims.claim.v1: every coverage and claim, sealed,
// with the claim's state, and indexes by patient, insurer and provider.
//
// Keys, all under rm:claims.claims:
//   claim:<claimId>, coverage:<id>   string  the patient id (ids only: finds the patient)
//   patient:<id>:claims              hash    <claimId>:<part> → JSON (part: submission,
//                                            status, updatedAt, adjudication, payment, appeal)
//   patient:<id>:claim-index         zset    claimId, scored by submission time (epoch ms)
//   patient:<id>:coverages           hash    coverageId → StoredCoverage JSON
//   patient:<id>:coverage-index      zset    coverageId by registration time
//   insurer:<org>:claims, provider:<org>:claims   zset  claimId by submission time
//
// As in records, everything about a patient sits under keys named by the patient, so
// erasure deletes a fixed list of keys; the id pointers and organisation indexes hold
// ids only. Each event writes its own fields: the projection never reads.
import {
  CLAIM_ADJUDICATED_V1,
  CLAIM_APPEALED_V1,
  CLAIM_CANCELLED_V1,
  CLAIM_PAID_V1,
  CLAIM_SUBMITTED_V1,
  CLAIM_VERIFIED_V1,
  COVERAGE_REGISTERED_V1,
  isEventOf,
  PATIENT_ERASED_V1,
  Topics,
  type AnyEvent,
} from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';
import { keyPrefix, type Projection, type ProjectionCommand } from '@carechain/read-model';
import { statusAfterAdjudication, type ClaimStatus } from './claim-status';
import { CLAIMS_READ_MODEL, CLAIMS_READ_MODEL_GROUP } from './claims-topology';
import type { StoredAdjudication, StoredAppeal, StoredCoverage, StoredPayment, StoredSubmission } from './stored-claim';

const prefix = keyPrefix(CLAIMS_READ_MODEL);

export type ClaimPart = 'submission' | 'status' | 'updatedAt' | 'adjudication' | 'payment' | 'appeal';

export const ClaimKeys = {
  claim: (claimId: string) => `${prefix}claim:${claimId}`,
  coverage: (coverageId: string) => `${prefix}coverage:${coverageId}`,
  claims: (patientId: string) => `${prefix}patient:${patientId}:claims`,
  claimIndex: (patientId: string) => `${prefix}patient:${patientId}:claim-index`,
  coverages: (patientId: string) => `${prefix}patient:${patientId}:coverages`,
  coverageIndex: (patientId: string) => `${prefix}patient:${patientId}:coverage-index`,
  byOrganisation: (role: 'insurer' | 'provider', organisation: string) => `${prefix}${role}:${organisation}:claims`,
  field: (claimId: string, part: ClaimPart) => `${claimId}:${part}`,
} as const;

/** Every key holding anything of the patient's claims and coverages (the pointers aside). */
export function patientClaimKeys(patientId: string): string[] {
  return [ClaimKeys.claims(patientId), ClaimKeys.claimIndex(patientId), ClaimKeys.coverages(patientId), ClaimKeys.coverageIndex(patientId)];
}

export interface ClaimsProjectionOptions {
  /** Whether the patient is erased (the patient registry replica, caught up before projections start). */
  readonly isErased: (patientId: string) => boolean;
}

const json = (value: unknown) => JSON.stringify(value);

function transition(patientId: string, claimId: string, status: ClaimStatus, at: string, ...more: [ClaimPart, string][]): ProjectionCommand[] {
  const fields = ([['status', status], ['updatedAt', at], ...more] as [ClaimPart, string][]).flatMap(([part, value]) => [
    ClaimKeys.field(claimId, part),
    value,
  ]);
  return [['HSET', ClaimKeys.claims(patientId), ...fields]];
}

/** What the read model handles: every other event on its topics is passed over by its type header, unparsed. */
export const CLAIMS_PROJECTION_EVENTS = [
  PATIENT_ERASED_V1,
  COVERAGE_REGISTERED_V1,
  CLAIM_SUBMITTED_V1,
  CLAIM_VERIFIED_V1,
  CLAIM_ADJUDICATED_V1,
  CLAIM_PAID_V1,
  CLAIM_CANCELLED_V1,
  CLAIM_APPEALED_V1,
] as const;

export function claimsProjection(options: ClaimsProjectionOptions): Projection {
  return {
    name: CLAIMS_READ_MODEL,
    topics: [Topics.claimsClaim, Topics.identityPatient],
    consumerGroup: CLAIMS_READ_MODEL_GROUP,
    eventTypes: CLAIMS_PROJECTION_EVENTS,
    apply({ event }: ConsumedRecord): ProjectionCommand[] {
      if (!isEventOf(CLAIMS_PROJECTION_EVENTS, event)) return [];
      const at = event.time;
      switch (event.type) {
        case PATIENT_ERASED_V1:
          return [event.data.patientId, ...event.data.alsoErased].flatMap((id) => patientClaimKeys(id).map((key): ProjectionCommand => ['DEL', key]));
        case COVERAGE_REGISTERED_V1: {
          const { patientId } = event.data;
          const pointer: ProjectionCommand = ['SET', ClaimKeys.coverage(event.data.coverageId), patientId];
          if (options.isErased(patientId)) return [pointer];
          const { coverageId, payer, planId, registeredBy, resource } = event.data;
          const stored: StoredCoverage = { coverageId, patientId, payer, planId, registeredBy, registeredAt: at, resource };
          return [
            pointer,
            ['HSET', ClaimKeys.coverages(patientId), coverageId, json(stored)],
            ['ZADD', ClaimKeys.coverageIndex(patientId), String(Date.parse(at)), coverageId],
          ];
        }
        case CLAIM_SUBMITTED_V1: {
          const { patientId, claimId, provider, insurer, coverageId, use, submittedBy, documentingRecordIds, resource } = event.data;
          const pointer: ProjectionCommand = ['SET', ClaimKeys.claim(claimId), patientId];
          if (options.isErased(patientId)) return [pointer];
          const score = String(Date.parse(at));
          const submission: StoredSubmission = {
            claimId,
            patientId,
            provider,
            insurer,
            coverageId,
            use,
            submittedBy,
            submittedAt: at,
            documentingRecordIds,
            resource,
          };
          return [
            pointer,
            ...transition(patientId, claimId, 'submitted', at, ['submission', json(submission)]),
            ['ZADD', ClaimKeys.claimIndex(patientId), score, claimId],
            ['ZADD', ClaimKeys.byOrganisation('insurer', insurer), score, claimId],
            ['ZADD', ClaimKeys.byOrganisation('provider', provider), score, claimId],
          ];
        }
        case CLAIM_VERIFIED_V1:
        case CLAIM_ADJUDICATED_V1:
        case CLAIM_PAID_V1:
        case CLAIM_CANCELLED_V1:
        case CLAIM_APPEALED_V1:
          return options.isErased(event.data.patientId) ? [] : applyTransition(event, event.data.patientId, at);
        default:
          return [];
      }
    },
  };
}

type TransitionEvent = Extract<
  AnyEvent,
  { type: typeof CLAIM_VERIFIED_V1 | typeof CLAIM_ADJUDICATED_V1 | typeof CLAIM_PAID_V1 | typeof CLAIM_CANCELLED_V1 | typeof CLAIM_APPEALED_V1 }
>;

function applyTransition(event: TransitionEvent, patientId: string, at: string): ProjectionCommand[] {
  switch (event.type) {
    case CLAIM_VERIFIED_V1:
      return transition(patientId, event.data.claimId, 'verified', at);
    case CLAIM_ADJUDICATED_V1: {
      const { claimId, outcome, reAdjudication, decidedBy, plan, items, response } = event.data;
      const adjudication: StoredAdjudication = { outcome, reAdjudication, decidedBy, ...(plan && { plan }), items, response, at };
      return transition(patientId, claimId, statusAfterAdjudication(outcome, reAdjudication), at, ['adjudication', json(adjudication)]);
    }
    case CLAIM_PAID_V1: {
      const payment: StoredPayment = { paidBy: event.data.paidBy, payment: event.data.payment, at };
      return transition(patientId, event.data.claimId, 'paid', at, ['payment', json(payment)]);
    }
    case CLAIM_CANCELLED_V1:
      return transition(patientId, event.data.claimId, 'cancelled', at);
    case CLAIM_APPEALED_V1: {
      const appeal: StoredAppeal = { appealedBy: event.data.appealedBy, reason: event.data.reason, at };
      return transition(patientId, event.data.claimId, 'appealed', at, ['appeal', json(appeal)]);
    }
  }
}
