// The MPI's grey zone: a registration that may or may not be a known patient waits
// for a person to decide. The registration is sealed under a provisional patient's
// key (the id it gets if separated); the event is keyed by that provisional id.
import { z } from 'zod';
import { organisationIdSchema } from './patient.schema';
import { sealedPayloadSchema } from '../crypto/sealed.schema';
import { matchEvidenceSchema } from './patient-linked.v1';

export const REVIEW_OPENED_V1 = 'carechain.identity.review.opened.v1';
export const REVIEW_RESOLVED_V1 = 'carechain.identity.review.resolved.v1';

export const reviewOpenedV1Schema = z.object({
  reviewId: z.uuid(),
  provisionalPatientId: z.uuid(),
  candidatePatientId: z.uuid(),
  registrationId: z.uuid(),
  custodian: organisationIdSchema,
  details: sealedPayloadSchema,
  evidence: matchEvidenceSchema,
});

export const reviewResolvedV1Schema = z.object({
  reviewId: z.uuid(),
  provisionalPatientId: z.uuid(),
  candidatePatientId: z.uuid(),
  outcome: z.enum(['linked', 'separated']),
});

export type ReviewOpenedV1 = Readonly<z.infer<typeof reviewOpenedV1Schema>>;
export type ReviewResolvedV1 = Readonly<z.infer<typeof reviewResolvedV1Schema>>;
