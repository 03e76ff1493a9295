// POST /consents: what a patient (or the custodian recording a consent) asks for.
// Field schemas come from the GrantGranted v1 contract, so an accepted command
// always makes a valid event.
import { z } from 'zod';
import { granteeSchema, grantGrantedV1Schema, patientSignatureSchema } from '@carechain/contracts';

/** A UTC instant as the events carry it; the GrantBook reads at most nine fractional digits. */
export const instantSchema = z.iso.datetime().refine((v) => !/\.\d{10}/.test(v), 'at most nine fractional second digits');

export const grantConsentSchema = z
  .object({
    patientId: z.uuid(),
    grantee: granteeSchema.strict(),
    categories: grantGrantedV1Schema.shape.categories,
    purposes: grantGrantedV1Schema.shape.purposes,
    /** Defaults to now; required when the grant is signed (the signature covers it). */
    validFrom: instantSchema.optional(),
    /** Absent: valid until revoked. */
    validUntil: instantSchema.optional(),
    /** Staff of the custodian recording a consent given by someone acting for the patient (guardian, proxy). */
    grantedBy: z
      .object({ kind: z.literal('delegate'), subject: z.string().min(1).max(128) })
      .strict()
      .optional(),
    /** The patient's Ed25519 signature over grantSigningPayload(...) of these terms. */
    signature: patientSignatureSchema.strict().optional(),
  })
  .strict();

export type GrantConsentCommand = z.infer<typeof grantConsentSchema>;
