import { z } from 'zod';
import { demographicsSchema, identifierSchema, organisationIdSchema } from './patient.schema';

/** @deprecated since PatientRegistered v2 (sealed details); still accepted on consume for topics that hold v1 events. */
export const PATIENT_REGISTERED_V1 = 'carechain.identity.patient.registered.v1';

export const patientRegisteredV1Schema = z.object({
  patientId: z.uuid(),
  /** The organisation where the patient registered: their custodian. */
  custodian: organisationIdSchema,
  demographics: demographicsSchema,
  identifiers: z.array(identifierSchema).min(1).max(20),
});

export type PatientRegisteredV1 = Readonly<z.infer<typeof patientRegisteredV1Schema>>;
