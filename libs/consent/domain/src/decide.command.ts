// POST /decisions: may the caller read these categories of the patient's records, for this purpose?
import { z } from 'zod';
import { BREAK_GLASS_REASON_MAX } from '@carechain/consent-decision';
import { DATA_CATEGORIES, dataCategorySchema, purposeOfUseSchema } from '@carechain/contracts';

export const decideSchema = z
  .object({
    patientId: z.uuid(),
    categories: z.array(dataCategorySchema).min(1).max(DATA_CATEGORIES.length),
    purpose: purposeOfUseSchema,
    // Capped in UTF-16 units as well: the BreakGlassInvoked event holds at most this many.
    /** A clinician's emergency justification (10 to 500 characters, TREAT or ETREAT only). */
    breakGlassReason: z.string().max(BREAK_GLASS_REASON_MAX).optional(),
  })
  .strict();

export type DecideCommand = z.infer<typeof decideSchema>;
