// The claim lifecycle on claims.claim.v1, keyed by patient id so a claim is ordered
// with the patient's other events. Every FHIR resource (Coverage, Claim,
// ClaimResponse, payment, appeal reason) is sealed under the patient's data key;
// in clear stay ids, organisations, states, plan versions and X12 reason codes,
// which is what routing, authorisation, audit and the ledger need.
import { z } from 'zod';
import { organisationIdSchema } from '../identity/patient.schema';
import { sealedPayloadSchema } from '../crypto/sealed.schema';

export const COVERAGE_REGISTERED_V1 = 'carechain.claims.coverage.registered.v1';
export const CLAIM_SUBMITTED_V1 = 'carechain.claims.claim.submitted.v1';
export const CLAIM_VERIFIED_V1 = 'carechain.claims.claim.verified.v1';
export const CLAIM_ADJUDICATED_V1 = 'carechain.claims.claim.adjudicated.v1';
export const CLAIM_PAID_V1 = 'carechain.claims.claim.paid.v1';
export const CLAIM_CANCELLED_V1 = 'carechain.claims.claim.cancelled.v1';
export const CLAIM_APPEALED_V1 = 'carechain.claims.claim.appealed.v1';

const actor = z.object({ subject: z.string().min(1).max(128), organisation: organisationIdSchema });

/** A benefit plan's id, e.g. `gold-2026`: the coverage's plan class value. */
export const planIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'plan ids are 1-64 of A-Z a-z 0-9 . _ -');

/** What a payer decided on a claim. `pended` waits in the payer's work queue for a person. */
export const ADJUDICATION_OUTCOMES = ['approved', 'partially-approved', 'denied', 'pended'] as const;
export const adjudicationOutcomeSchema = z.enum(ADJUDICATION_OUTCOMES);
export type AdjudicationOutcome = z.infer<typeof adjudicationOutcomeSchema>;

/** An X12 Claim Adjustment Reason Code (CARC) or Remittance Advice Remark Code (RARC). */
export const reasonCodeSchema = z.object({
  system: z.enum(['carc', 'rarc']),
  code: z.string().regex(/^[A-Z0-9]{1,5}$/),
});
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

export const coverageRegisteredV1Schema = z.object({
  coverageId: z.uuid(),
  patientId: z.uuid(),
  payer: organisationIdSchema,
  planId: planIdSchema,
  registeredBy: actor,
  /** The FHIR Coverage (subscriber id, period…). */
  resource: sealedPayloadSchema,
});

export const claimSubmittedV1Schema = z.object({
  claimId: z.uuid(),
  patientId: z.uuid(),
  provider: organisationIdSchema,
  insurer: organisationIdSchema,
  coverageId: z.uuid(),
  use: z.enum(['claim', 'preauthorization']),
  submittedBy: actor,
  /** A disclosure of the patient's data to the payer, for payment (HL7 PurposeOfUse). */
  purpose: z.literal('HPAYMT'),
  /** The carechain records the items bill for. */
  documentingRecordIds: z.array(z.uuid()).max(1000),
  /** The FHIR Claim as stored (with the server's id and meta). */
  resource: sealedPayloadSchema,
});

export const claimVerifiedV1Schema = z.object({
  claimId: z.uuid(),
  patientId: z.uuid(),
  /** Who verified that every item is documented and not billed twice: this service, or the ledger's ClaimContract. */
  basis: z.enum(['local', 'chain']),
});

export const claimAdjudicatedV1Schema = z.object({
  claimId: z.uuid(),
  patientId: z.uuid(),
  outcome: adjudicationOutcomeSchema,
  /** True for the decision that follows an appeal. */
  reAdjudication: z.boolean(),
  /** The rules engine, the payer's person (from the pended queue or after an appeal), or the ledger's ClaimContract refusing the claim. */
  decidedBy: z.union([z.object({ kind: z.literal('engine') }), z.object({ kind: z.literal('person'), actor }), z.object({ kind: z.literal('chain') })]),
  /** The benefit plan version the decision used; absent when no plan was loaded for the coverage (then pended). */
  plan: z.object({ planId: planIdSchema, version: z.number().int().min(1) }).optional(),
  items: z.array(z.object({ sequence: z.number().int().min(1), reasons: z.array(reasonCodeSchema).max(32) })).max(1000),
  /** The FHIR ClaimResponse (amounts per item). */
  response: sealedPayloadSchema,
});

export const claimPaidV1Schema = z.object({
  claimId: z.uuid(),
  patientId: z.uuid(),
  paidBy: actor,
  /** Amount, date and remittance reference. */
  payment: sealedPayloadSchema,
});

export const claimCancelledV1Schema = z.object({
  claimId: z.uuid(),
  patientId: z.uuid(),
  cancelledBy: actor,
});

export const claimAppealedV1Schema = z.object({
  claimId: z.uuid(),
  patientId: z.uuid(),
  appealedBy: actor,
  /** The appellant's reason, free text. */
  reason: sealedPayloadSchema,
});

export type CoverageRegisteredV1 = Readonly<z.infer<typeof coverageRegisteredV1Schema>>;
export type ClaimSubmittedV1 = Readonly<z.infer<typeof claimSubmittedV1Schema>>;
export type ClaimVerifiedV1 = Readonly<z.infer<typeof claimVerifiedV1Schema>>;
export type ClaimAdjudicatedV1 = Readonly<z.infer<typeof claimAdjudicatedV1Schema>>;
export type ClaimPaidV1 = Readonly<z.infer<typeof claimPaidV1Schema>>;
export type ClaimCancelledV1 = Readonly<z.infer<typeof claimCancelledV1Schema>>;
export type ClaimAppealedV1 = Readonly<z.infer<typeof claimAppealedV1Schema>>;

/**
 * What the ledger needs to put a submitted claim on the chain, published beside
 * ClaimSubmitted when claims awaits the chain's verdict (CLAIMS_AWAIT_CHAIN_VERDICT).
 * Only commitments under the patient's salt leave for the chain: of the content, and
 * per item of the service (patient, code, date, provider), the duplicate-billing key;
 * each item names the record event that documents it, whose ledger receipt proves it
 * was anchored. The patient id is here for routing only and never reaches the chain.
 */
export const CLAIM_COMMITTED_V1 = 'carechain.claims.claim.committed.v1';

const commitment = z.string().regex(/^[0-9a-f]{64}$/, 'an HMAC-SHA-256 in lowercase hex');

export const claimCommittedV1Schema = z.object({
  claimId: z.uuid(),
  patientId: z.uuid(),
  provider: organisationIdSchema,
  insurer: organisationIdSchema,
  /** The submission's time, which the documentation must have been anchored by. */
  submittedAt: z.iso.datetime(),
  /** HMAC under the patient's salt of the FHIR Claim's canonical JSON, as stored. */
  contentCommitment: commitment,
  total: z.object({ value: z.string().regex(/^(0|[1-9]\d{0,11})(\.\d{1,2})?$/), currency: z.string().regex(/^[A-Z]{3}$/) }),
  items: z
    .array(
      z.object({
        sequence: z.number().int().min(1),
        serviceCommitment: commitment,
        /** The id of the records event (the version of the record) documenting the item; null when the claim names none. */
        documentingEventId: z.uuid().nullable(),
      }),
    )
    .min(1)
    .max(100),
});

export type ClaimCommittedV1 = Readonly<z.infer<typeof claimCommittedV1Schema>>;
