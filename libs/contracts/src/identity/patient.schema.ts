// The shapes of a patient as identity records them. Demographics are PHI: they
// travel only on identity's own topic, never into logs, keys or the ledger.
import { z } from 'zod';

export const identifierSchema = z.object({
  system: z.string().min(1).max(200).describe('Namespace of the identifier, e.g. urn:oid:… or https://hospital-a.example/mrn'),
  value: z.string().min(1).max(100),
});

// Partial demographics are accepted (an unknown patient in the emergency department,
// a newborn, a foreign record): a missing name part or birth date is unknown to the
// MPI, not an error. What is enough to identify someone is the command's rule.
export const humanNameSchema = z.object({
  given: z.array(z.string().min(1).max(100)).max(5).default([]),
  family: z.string().min(1).max(100).optional(),
});

export const telecomSchema = z.object({
  system: z.enum(['phone', 'email']),
  value: z.string().min(3).max(200),
});

export const addressSchema = z.object({
  line: z.array(z.string().min(1).max(200)).max(4).default([]),
  city: z.string().min(1).max(100).optional(),
  postalCode: z.string().min(1).max(20).optional(),
  country: z.string().length(2).describe('ISO 3166-1 alpha-2').optional(),
});

export const demographicsSchema = z.object({
  name: humanNameSchema.default({ given: [] }),
  // An unparsable date is reported once, by iso.date(), not again as "in the future".
  birthDate: z.iso
    .date()
    .refine((d) => !(Date.parse(`${d}T00:00:00Z`) > Date.now()), 'birthDate is in the future')
    .optional(),
  gender: z.enum(['female', 'male', 'other', 'unknown']).default('unknown'),
  telecom: z.array(telecomSchema).max(10).default([]),
  address: z.array(addressSchema).max(5).default([]),
});

export const organisationIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'organisation ids are 1-64 of A-Z a-z 0-9 . _ -');

export type Identifier = z.infer<typeof identifierSchema>;
export type Demographics = z.infer<typeof demographicsSchema>;
