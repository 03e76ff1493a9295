// What a registration says about a person: PHI, so it only ever travels sealed
// (see SealedPayload) inside identity's events.
import { z } from 'zod';
import { demographicsSchema, identifierSchema } from './patient.schema';

export const registrationDetailsSchema = z.object({
  demographics: demographicsSchema,
  identifiers: z.array(identifierSchema).max(20),
});

export type RegistrationDetails = z.infer<typeof registrationDetailsSchema>;
