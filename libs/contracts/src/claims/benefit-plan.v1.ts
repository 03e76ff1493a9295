// A payer's benefit plan as data: what the claims rules engine decides with. Plans
// are loaded from a file at start or published by their payer on claims.claim.v1
// (keyed by the payer), so every claims instance decides with the same versions.
// Amounts are decimals in the plan's currency.
import { z } from 'zod';
import { organisationIdSchema } from '../identity/patient.schema';
import { planIdSchema } from './claim-events.v1';

export const BENEFIT_PLAN_PUBLISHED_V1 = 'carechain.claims.plan.published.v1';

const amount = z.number().min(0).max(10_000_000).multipleOf(0.01);

const serviceRuleSchema = z
  .object({
    /** The fee schedule: what the plan allows per unit. */
    allowed: amount,
    /** The most units of this code one patient may be billed per day. */
    unitsPerDay: z.number().int().min(1).max(1000).optional(),
    /** Whether the service needs an approved prior authorisation. */
    priorAuthorisation: z.boolean().default(false),
  })
  .strict();

export const benefitPlanSchema = z
  .object({
    planId: planIdSchema,
    /** A new version of a plan replaces the old for claims decided from then on. */
    version: z.number().int().min(1),
    payer: organisationIdSchema,
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** The code system the fee schedule's codes come from (e.g. http://www.ama-assn.org/go/cpt). */
    codeSystem: z.string().min(1).max(256),
    /** Paid by the patient before the plan pays, per coverage. */
    deductible: amount,
    /** A fixed amount per item the patient pays, after the deductible. */
    copay: amount.default(0),
    /** The share of the rest the patient pays (0.2 = 20 %), after the copay. */
    coinsurance: z.number().min(0).max(1).default(0),
    /** Days after the service date within which a claim must be submitted. */
    timelyFilingDays: z.number().int().min(1).max(3650),
    /** Covered services by code; a code not listed is not covered. */
    services: z.record(z.string().regex(/^[A-Za-z0-9.-]{1,32}$/), serviceRuleSchema),
  })
  .strict();

export const benefitPlanPublishedV1Schema = z.object({
  plan: benefitPlanSchema,
  publishedBy: z.object({ subject: z.string().min(1).max(128), organisation: organisationIdSchema }),
});

export type BenefitPlanInput = z.input<typeof benefitPlanSchema>;
export type BenefitPlan = Readonly<z.output<typeof benefitPlanSchema>>;
export type BenefitPlanPublishedV1 = Readonly<z.infer<typeof benefitPlanPublishedV1Schema>>;
