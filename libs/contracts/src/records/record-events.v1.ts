// Clinical records on records.record.v1, keyed by patient id. The FHIR resource is
// sealed under the patient's data key; what stays in clear is what routing,
// consent and audit need: ids, the category, the resource type, the author.
import { z } from 'zod';
import { organisationIdSchema } from '../identity/patient.schema';
import { sealedPayloadSchema } from '../crypto/sealed.schema';
import { purposeOfUseSchema, recordCategorySchema } from '../consent/vocabulary';

export const RECORD_WRITTEN_V1 = 'carechain.records.record.written.v1';
export const RECORD_SHARED_V1 = 'carechain.records.record.shared.v1';

const actor = z.object({ subject: z.string().min(1).max(128), organisation: organisationIdSchema });

export const recordWrittenV1Schema = z.object({
  recordId: z.uuid(),
  patientId: z.uuid(),
  /** 1 for the first write; an amendment is the next version, the earlier ones stay. */
  version: z.number().int().min(1),
  category: recordCategorySchema,
  resourceType: z.string().regex(/^[A-Z][A-Za-z]{1,63}$/),
  author: actor,
  resource: sealedPayloadSchema,
});

export const recordSharedV1Schema = z.object({
  shareId: z.uuid(),
  recordId: z.uuid(),
  patientId: z.uuid(),
  category: recordCategorySchema,
  sharedBy: actor,
  sharedWith: organisationIdSchema,
  purpose: purposeOfUseSchema,
  /** The grant that allows the receiving organisation to read it. */
  grantId: z.uuid().optional(),
});

export type RecordWrittenV1 = Readonly<z.infer<typeof recordWrittenV1Schema>>;
export type RecordSharedV1 = Readonly<z.infer<typeof recordSharedV1Schema>>;
