// A registration recognised as a patient already known: the registration's details
// are sealed under the existing patient's key, so one erasure covers them all.
import { z } from 'zod';
import { organisationIdSchema } from './patient.schema';
import { sealedPayloadSchema } from '../crypto/sealed.schema';

export const PATIENT_LINKED_V1 = 'carechain.identity.patient.linked.v1';

export const matchEvidenceSchema = z.object({
  /** Fellegi–Sunter total weight. */
  score: z.number().finite(),
  /** Per-field agreement levels and weights: codes and numbers, never values. */
  fields: z.array(z.object({ field: z.string().max(40), level: z.string().max(40), weight: z.number().finite() })).max(40),
  /** The MPI model that weighed the pair ("prior" or "em-<hash>"); absent in events from before versioned models. */
  modelVersion: z.string().max(40).optional(),
});

export const patientLinkedV1Schema = z.object({
  patientId: z.uuid(),
  registrationId: z.uuid(),
  /** The organisation that registered the person again. */
  organisation: organisationIdSchema,
  details: sealedPayloadSchema,
  match: z.object({ method: z.enum(['automatic', 'review', 'identifier']), reviewId: z.uuid().optional(), evidence: matchEvidenceSchema.optional() }),
});

export type MatchEvidence = z.infer<typeof matchEvidenceSchema>;
export type PatientLinkedV1 = Readonly<z.infer<typeof patientLinkedV1Schema>>;
