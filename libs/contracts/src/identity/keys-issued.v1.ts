// A patient's key material on the compacted topic identity.keys.v1, keyed by the
// patient id. Compaction keeps only the newest message per patient, so each one
// carries every version (rotation appends one). A tombstone (null value) shreds them.
import { z } from 'zod';
import { wrappedSecretSchema } from '../crypto/sealed.schema';

export const KEYS_ISSUED_V1 = 'carechain.identity.keys.issued.v1';

export const wrappedPatientKeyVersionSchema = z.object({
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  dataKey: wrappedSecretSchema,
  salt: wrappedSecretSchema,
});

export const keysIssuedV1Schema = z.object({
  patientId: z.uuid(),
  versions: z.array(wrappedPatientKeyVersionSchema).min(1).max(100),
});

export type WrappedPatientKeyVersion = z.infer<typeof wrappedPatientKeyVersionSchema>;
export type KeysIssuedV1 = Readonly<z.infer<typeof keysIssuedV1Schema>>;
