// What the claims controllers read besides a FHIR body: the bodies of the payer's
// decision and payment, an appeal, the search query; the roles of each endpoint; and
// the OpenAPI description of the errors every endpoint may answer.
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { organisationIdSchema, reasonCodeSchema } from '@carechain/contracts';
import { rolesFor, type Principal, type Role } from '@carechain/auth';
import { CLAIM_STATUSES, type Requester } from '@carechain/claims-domain';
import { CLAIMS_ERROR_STATUSES } from './claims.problems';

export { FHIR_JSON } from '@carechain/http';

// Who may call each endpoint at all comes from the one authorisation table (README "Authorisation");
// the use cases decide per claim (submitting provider, addressed insurer, the patient, auditors).
export const SUBMIT_ROLES: [Role, ...Role[]] = rolesFor('claims.submit');
export const PAYER_ROLES: [Role, ...Role[]] = rolesFor('claims.pay');
export const APPEAL_ROLES: [Role, ...Role[]] = rolesFor('claims.appeal');
export const READ_ROLES: [Role, ...Role[]] = rolesFor('claims.read');
export const COVERAGE_ROLES: [Role, ...Role[]] = rolesFor('claims.coverage.register');

export function requesterOf(principal: Principal): Requester {
  return {
    subject: principal.subject,
    organisation: principal.organisation,
    roles: principal.roles,
    ...(principal.patient !== undefined && { patient: principal.patient }),
  };
}

export const decisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }).strict(),
  z.object({ decision: z.literal('deny'), reasons: z.array(reasonCodeSchema).min(1).max(32) }).strict(),
]);

export const paymentSchema = z
  .object({
    amount: z.number().positive().max(10_000_000).multipleOf(0.01),
    date: z.iso.date(),
    remittanceReference: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/),
  })
  .strict();

export const appealSchema = z.object({ reason: z.string().min(10).max(2000) }).strict();

export const searchQuerySchema = z.object({
  patient: z.uuid().optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  provider: organisationIdSchema.optional(),
  insurer: organisationIdSchema.optional(),
  _count: z.coerce.number().int().min(1).max(100).default(20),
  _offset: z.coerce.number().int().min(0).default(0),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** Every error status of a claims endpoint, answered as application/problem+json. */
export function ApiProblems() {
  return applyDecorators(
    ...CLAIMS_ERROR_STATUSES.map((status) =>
      ApiResponse({
        status,
        description: 'application/problem+json (an invalid FHIR resource: its OperationOutcome as `outcome`; a refused transition: `currentStatus`)',
      }),
    ),
  );
}
