// A merge of two patients whose custodians differ needs both custodians: the data
// steward of one asks (MergeRequested), the other accepts or rejects
// (MergeRequestResolved). Only an accepted request is followed by PatientMerged, so
// custody never moves because one organisation decided alone. Ids only. Keyed by the
// patient to be merged.
import { z } from 'zod';
import { organisationIdSchema } from './patient.schema';

export const MERGE_REQUESTED_V1 = 'carechain.identity.merge.requested.v1';
export const MERGE_REQUEST_RESOLVED_V1 = 'carechain.identity.merge.resolved.v1';

export const mergeRequestedV1Schema = z.object({
  mergeRequestId: z.uuid(),
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  /** The custodian whose steward asked. */
  requestedBy: organisationIdSchema,
  /** The other custodian, whose steward must accept. */
  awaiting: organisationIdSchema,
});

export const mergeRequestResolvedV1Schema = z.object({
  mergeRequestId: z.uuid(),
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  outcome: z.enum(['accepted', 'rejected']),
});

export type MergeRequestedV1 = Readonly<z.infer<typeof mergeRequestedV1Schema>>;
export type MergeRequestResolvedV1 = Readonly<z.infer<typeof mergeRequestResolvedV1Schema>>;
