// The bodies consent answers with, as zod schemas: the OpenAPI document is generated
// from them (ApiResult) and the compiler checks each handler's result against them.
import { z } from 'zod';
import { DENY_REASONS } from '@carechain/consent-decision';
import { dataCategorySchema, granteeSchema, purposeOfUseSchema } from '@carechain/contracts';
import { linksTo } from '@carechain/http';

const instant = z.iso.datetime({ offset: true });

export const grantedSchema = z.object({ grantId: z.uuid(), eventId: z.string().min(1) });
export const revokedSchema = z.object({ grantId: z.uuid(), eventId: z.string().min(1), revokedAt: instant });

export const decisionAnswerSchema = z.object({
  decision: z.enum(['permit', 'deny']),
  basis: z.enum(['patient', 'custodian', 'grant', 'claim', 'break-glass']).optional(),
  grantId: z.uuid().optional(),
  grantIds: z.array(z.uuid()),
  permitted: z.array(dataCategorySchema),
  denied: z.array(dataCategorySchema),
  reason: z.enum(DENY_REASONS).optional(),
  message: z.string().optional(),
  breakGlass: z.boolean(),
  decisionId: z.uuid(),
});

export const patientConsentsSchema = z.object({
  patientId: z.uuid(),
  consents: z.array(
    z.object({
      grantId: z.uuid(),
      grantee: granteeSchema,
      categories: z.array(dataCategorySchema),
      purposes: z.array(purposeOfUseSchema),
      validFrom: instant,
      validUntil: instant.optional(),
      grantedBy: z.object({ kind: z.enum(['patient', 'delegate', 'custodian']), subject: z.string(), signed: z.boolean() }),
      grantedAt: instant,
      status: z.enum(['active', 'scheduled', 'expired', 'revoked']),
      revokedAt: instant.optional(),
      expiredAt: instant.optional(),
    }),
  ),
});

// What a client (and the fuzzer's stateful mode) can do next with the grant it got.
export const GRANT_LINKS = linksTo(['ConsentsController_revoke'], 'id', 'grantId');
