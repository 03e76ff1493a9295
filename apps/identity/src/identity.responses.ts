// The bodies identity answers with, as zod schemas: the OpenAPI document is generated
// from them (ApiResult) and the compiler checks each handler's result against them.
import { z } from 'zod';
import { ed25519JwkSchema, matchEvidenceSchema, organisationIdSchema, registrationDetailsSchema } from '@carechain/contracts';
import { linksTo } from '@carechain/http';

const eventId = z.string().min(1);

/** A registration's answer: the patient's id (201 registered, 200 linked), or the review's (202). */
export const registeredSchema = z.object({ id: z.uuid(), outcome: z.enum(['registered', 'linked']), eventId });
export const pendingReviewSchema = z.object({ reviewId: z.uuid(), outcome: z.literal('pending-review'), eventId });

export const patientViewSchema = z.object({
  id: z.uuid(),
  custodian: organisationIdSchema,
  registeredAt: z.iso.datetime(),
  demographics: registrationDetailsSchema.shape.demographics,
  identifiers: registrationDetailsSchema.shape.identifiers,
  registrations: z.array(z.object({ registrationId: z.uuid(), organisation: organisationIdSchema, at: z.iso.datetime() })),
  mergedInto: z.uuid().optional(),
  did: z.string().startsWith('did:carechain:'),
  scope: z.enum(['all', 'own-registrations']),
});

export const erasedSchema = z.object({ eventId, erased: z.array(z.string()) });
export const signingKeySchema = z.object({ keyId: z.string().min(1), did: z.string().startsWith('did:carechain:') });
export const keyVersionSchema = z.object({ keyVersion: z.number().int().min(1) });

const verificationMethod = z.object({ id: z.string(), type: z.literal('JsonWebKey2020'), controller: z.string(), publicKeyJwk: ed25519JwkSchema });
export const didDocumentSchema = z.object({
  '@context': z.array(z.string()),
  id: z.string().startsWith('did:carechain:'),
  verificationMethod: z.array(verificationMethod),
  authentication: z.array(z.string()),
  assertionMethod: z.array(z.string()),
});

export const reviewsSchema = z.object({
  reviews: z.array(
    z.object({
      reviewId: z.uuid(),
      openedAt: z.iso.datetime(),
      candidatePatientId: z.uuid(),
      candidateReviewId: z.uuid().optional().describe('When the candidate is a provisional patient whose own review is open: that review (resolve it first).'),
      registration: registrationDetailsSchema.partial().extend({ organisation: organisationIdSchema }),
      evidence: matchEvidenceSchema,
    }),
  ),
});

export const resolvedReviewSchema = z.object({ patientId: z.uuid() });
export const mergedSchema = z.object({ status: z.literal('merged'), eventId });
export const pendingMergeSchema = z.object({ status: z.literal('pending'), mergeRequestId: z.uuid(), awaiting: organisationIdSchema, eventId });
export const mergeRequestsSchema = z.object({
  mergeRequests: z.array(
    z.object({
      mergeRequestId: z.uuid(),
      survivorId: z.uuid(),
      mergedId: z.uuid(),
      requestedBy: organisationIdSchema,
      awaiting: organisationIdSchema,
      requestedAt: z.iso.datetime(),
      status: z.enum(['pending', 'accepted', 'rejected']),
    }),
  ),
});
export const mergeResolutionSchema = z.object({ status: z.enum(['merged', 'rejected']), eventId });
export const unmergedSchema = z.object({ eventId });

// OpenAPI links: what a client (and the fuzzer's stateful mode) can do next with the id it got.
export const PATIENT_LINKS = linksTo(
  ['PatientsController_get', 'PatientsController_did', 'PatientsController_rotate', 'PatientsController_remove', 'PatientsController_addSigningKey'],
  'id',
  'id',
);
export const REVIEW_LINKS = linksTo(['MpiController_link', 'MpiController_separate'], 'id', 'reviewId');
export const MERGE_REQUEST_LINKS = linksTo(['MpiController_accept', 'MpiController_reject'], 'id', 'mergeRequestId');
