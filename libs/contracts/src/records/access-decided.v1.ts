// Every read of a patient's records, permitted or denied: the accounting of
// disclosures. Ids and codes only.
import { z } from 'zod';
import { organisationIdSchema } from '../identity/patient.schema';
import { purposeOfUseSchema, recordCategorySchema } from '../consent/vocabulary';

export const ACCESS_DECIDED_V1 = 'carechain.records.access.decided.v1';

export const accessDecidedV1Schema = z.object({
  accessId: z.uuid(),
  patientId: z.uuid(),
  operation: z.enum(['read', 'search']),
  actor: z.object({ subject: z.string().min(1).max(128), organisation: organisationIdSchema }),
  categories: z.array(recordCategorySchema).max(8),
  purpose: purposeOfUseSchema,
  decision: z.enum(['permit', 'deny']),
  /** Why it was permitted: the patient's own read, the custodian rule, a grant, a claim to the reader (payment), or break-glass. */
  basis: z.enum(['patient', 'custodian', 'grant', 'claim', 'break-glass']).optional(),
  grantId: z.uuid().optional(),
  /** The claim addressed to the reader that billed for the record, when the basis is claim. */
  claimId: z.uuid().optional(),
  denyReason: z.string().max(64).optional(),
  breakGlass: z.boolean(),
  breakGlassReason: z.string().min(10).max(500).optional(),
  /** The records disclosed (empty on deny). */
  recordIds: z.array(z.uuid()).max(1000),
});

export type AccessDecidedV1 = Readonly<z.infer<typeof accessDecidedV1Schema>>;
