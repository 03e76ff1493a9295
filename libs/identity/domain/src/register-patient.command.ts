import { z } from 'zod';
import { demographicsSchema, identifierSchema } from '@carechain/contracts';

/** The body of POST /patients. The custodian is the caller's organisation, never the body's say. */
export const registerPatientSchema = z
  .object({
    demographics: demographicsSchema,
    identifiers: z.array(identifierSchema).min(1, 'at least one identifier (e.g. an MRN) is required').max(20),
  })
  .strict();

export type RegisterPatientCommand = z.infer<typeof registerPatientSchema>;
