// Consent grants and their end, all on consent.grant.v1 keyed by the patient id,
// so one patient's grants and revocations arrive in order everywhere.
import { z } from 'zod';
import { organisationIdSchema } from '../identity/patient.schema';
import { dataCategorySchema, purposeOfUseSchema } from './vocabulary';

export const GRANT_GRANTED_V1 = 'carechain.consent.grant.granted.v1';
export const GRANT_REVOKED_V1 = 'carechain.consent.grant.revoked.v1';
export const GRANT_EXPIRED_V1 = 'carechain.consent.grant.expired.v1';

/** An Ed25519 signature by the patient's registered key over the action's signing payload. */
export const patientSignatureSchema = z.object({
  keyId: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  alg: z.literal('EdDSA'),
  value: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'a 64-byte Ed25519 signature, base64url'),
});

export const consentActorSchema = z.object({
  /** patient: the patient themself; delegate: someone acting for them (guardian, proxy); custodian: staff of the custodian recording a paper consent. */
  kind: z.enum(['patient', 'delegate', 'custodian']),
  subject: z.string().min(1).max(128),
  organisation: organisationIdSchema.optional(),
  /** True only when a patient signature was verified against the patient's registered key. */
  signed: z.boolean(),
});

export const granteeSchema = z.object({
  organisation: organisationIdSchema,
  practitioner: z.string().min(1).max(128).optional(),
});

export const grantGrantedV1Schema = z.object({
  grantId: z.uuid(),
  patientId: z.uuid(),
  grantee: granteeSchema,
  categories: z.array(dataCategorySchema).min(1).max(9),
  purposes: z.array(purposeOfUseSchema).min(1).max(7),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime().optional(),
  grantedBy: consentActorSchema,
  signature: patientSignatureSchema.optional(),
});

export const grantRevokedV1Schema = z.object({
  grantId: z.uuid(),
  patientId: z.uuid(),
  revokedAt: z.iso.datetime(),
  revokedBy: consentActorSchema,
  signature: patientSignatureSchema.optional(),
});

export const grantExpiredV1Schema = z.object({
  grantId: z.uuid(),
  patientId: z.uuid(),
  expiredAt: z.iso.datetime(),
});

export type PatientSignature = z.infer<typeof patientSignatureSchema>;
export type ConsentActor = z.infer<typeof consentActorSchema>;
export type Grantee = z.infer<typeof granteeSchema>;
export type GrantGrantedV1 = Readonly<z.infer<typeof grantGrantedV1Schema>>;
export type GrantRevokedV1 = Readonly<z.infer<typeof grantRevokedV1Schema>>;
export type GrantExpiredV1 = Readonly<z.infer<typeof grantExpiredV1Schema>>;
