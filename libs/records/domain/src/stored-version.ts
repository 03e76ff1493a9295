// One version of a record as the read model keeps it: the sealed FHIR resource
// and what can be in clear (ids, category, type, author, time).
import { z } from 'zod';
import { organisationIdSchema, recordCategorySchema, sealedPayloadSchema, type RecordCategory, type SealedPayload } from '@carechain/contracts';

export interface StoredVersion {
  readonly recordId: string;
  readonly patientId: string;
  readonly version: number;
  readonly category: RecordCategory;
  readonly resourceType: string;
  readonly author: { readonly subject: string; readonly organisation: string };
  /** When it was written: the RecordWritten event's time (also the resource's meta.lastUpdated). */
  readonly writtenAt: string;
  /** The RecordWritten event that carried it. */
  readonly eventId: string;
  readonly resource: SealedPayload;
}

const storedVersionSchema = z.object({
  recordId: z.string().min(1),
  patientId: z.string().min(1),
  version: z.number().int().min(1),
  category: recordCategorySchema,
  resourceType: z.string().min(1),
  author: z.object({ subject: z.string().min(1), organisation: organisationIdSchema }),
  writtenAt: z.string().min(1),
  eventId: z.string().min(1),
  resource: sealedPayloadSchema,
});

export function encodeStoredVersion(version: StoredVersion): string {
  return JSON.stringify(version);
}

/** Parses what the projection wrote; anything else in its place is a corrupt read model, not a client error. */
export function decodeStoredVersion(json: string): StoredVersion {
  return storedVersionSchema.parse(JSON.parse(json));
}
