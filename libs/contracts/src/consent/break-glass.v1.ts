// Emergency access without a grant: permitted, flagged, and told to the patient.
import { z } from 'zod';
import { organisationIdSchema } from '../identity/patient.schema';
import { dataCategorySchema, purposeOfUseSchema } from './vocabulary';

export const BREAK_GLASS_INVOKED_V1 = 'carechain.consent.breakglass.invoked.v1';

export const breakGlassInvokedV1Schema = z.object({
  decisionId: z.uuid(),
  patientId: z.uuid(),
  requester: z.object({ subject: z.string().min(1).max(128), organisation: organisationIdSchema }),
  categories: z.array(dataCategorySchema).min(1).max(9),
  purpose: purposeOfUseSchema,
  /** The clinician's justification, shown to the patient. */
  reason: z.string().min(10).max(500),
});

export type BreakGlassInvokedV1 = Readonly<z.infer<typeof breakGlassInvokedV1Schema>>;
