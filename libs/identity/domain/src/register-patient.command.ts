import { z } from 'zod';
import { demographicsSchema, identifierSchema } from '@carechain/contracts';

/**
 * The body of POST /patients. The custodian is the caller's organisation, never the body's say.
 * Enough to identify someone: an identifier (e.g. an MRN), or a family name with one of
 * birth date, address or telecom. Whatever else is missing is unknown to the MPI.
 */
export const registerPatientSchema = z
  .object({
    demographics: demographicsSchema,
    identifiers: z.array(identifierSchema).max(20).default([]),
  })
  .strict()
  .refine(identifiable, {
    message: 'not enough to identify a person: send an identifier, or a family name with a birth date, an address or a telecom',
    path: ['demographics'],
  });

function identifiable(command: { demographics: z.infer<typeof demographicsSchema>; identifiers: readonly unknown[] }): boolean {
  const d = command.demographics;
  return command.identifiers.length > 0 || (d.name.family !== undefined && (d.birthDate !== undefined || d.address.length > 0 || d.telecom.length > 0));
}

export type RegisterPatientCommand = z.infer<typeof registerPatientSchema>;
