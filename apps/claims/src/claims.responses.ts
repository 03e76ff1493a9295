// The bodies claims answers with, as zod schemas: the OpenAPI document is generated
// from them (ApiResult) and the compiler checks each handler's result against them.
// Resources are declared by their type: the FHIR R4 specification says the rest.
import { z } from 'zod';
import { benefitPlanSchema, organisationIdSchema } from '@carechain/contracts';
import { CLAIM_STATUSES } from '@carechain/claims-domain';
import { fhirResourceSchema, linksTo } from '@carechain/http';

export const claimSchema = fhirResourceSchema(['Claim']);
export const claimResponseSchema = fhirResourceSchema(['ClaimResponse']);
export const coverageSchema = fhirResourceSchema(['Coverage']);
export const explanationOfBenefitSchema = fhirResourceSchema(['ExplanationOfBenefit']);

const status = z.enum(CLAIM_STATUSES);
const eventId = z.string().min(1);

export const submittedClaimSchema = z.object({
  claimId: z.uuid(),
  patientId: z.uuid(),
  status,
  response: claimResponseSchema.optional(),
  eventIds: z.array(z.string().min(1)),
});
export const adjudicatedClaimSchema = z.object({ claimId: z.uuid(), status, response: claimResponseSchema, eventId });
export const transitionedSchema = z.object({ claimId: z.uuid(), status, eventId });
export const registeredCoverageSchema = z.object({ coverageId: z.uuid(), patientId: z.uuid(), payer: organisationIdSchema, planId: z.string(), eventId });
export const publishedPlanSchema = z.object({ payer: organisationIdSchema, planId: z.string(), version: z.number().int().min(1), eventId });
export const benefitPlansSchema = z.array(benefitPlanSchema);

/** The searchset Bundle of claims, coverages or explanations of benefit: total, self link, an entry per resource. */
export function claimsBundleSchema<R extends z.ZodType>(resource: R) {
  return z.object({
    resourceType: z.literal('Bundle'),
    type: z.literal('searchset'),
    total: z.number().int().min(0),
    link: z.array(z.object({ relation: z.literal('self'), url: z.url() })),
    entry: z.array(z.object({ fullUrl: z.url(), resource, search: z.object({ mode: z.literal('match') }) })).optional(),
  });
}

// What a client (and the fuzzer's stateful mode) can do next with the claim it submitted.
export const CLAIM_LINKS = linksTo(
  [
    'ClaimsController_read',
    'ClaimsController_response',
    'ClaimsController_adjudicate',
    'ClaimsController_pay',
    'ClaimsController_cancel',
    'ClaimsController_appeal',
  ],
  'claimId',
  'claimId',
);
export const PATIENT_COVERAGE_LINKS = linksTo(['PatientClaimsController_list', 'PatientClaimsController_explanationOfBenefits'], 'id', 'patientId');
