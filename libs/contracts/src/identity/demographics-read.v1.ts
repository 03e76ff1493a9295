// Every read of a patient's demographics, permitted or denied: demographics are data
// like records, so their reads are recorded (on identity.access.v1), shown in audit
// and anchored like records' AccessDecided. Ids and codes only.
import { z } from 'zod';
import { purposeOfUseSchema } from '../consent/vocabulary';
import { organisationIdSchema } from './patient.schema';

export const DEMOGRAPHICS_READ_V1 = 'carechain.identity.demographics.read.v1';

export const demographicsReadV1Schema = z.object({
  accessId: z.uuid(),
  patientId: z.uuid(),
  actor: z.object({ subject: z.string().min(1).max(128), organisation: organisationIdSchema }),
  purpose: purposeOfUseSchema,
  decision: z.enum(['permit', 'deny']),
  /** Why it was permitted: the patient's own read, the custodian rule, a grant, or the organisation's own registration. */
  basis: z.enum(['patient', 'custodian', 'grant', 'own-registration']).optional(),
  grantId: z.uuid().optional(),
  denyReason: z.string().max(64).optional(),
  /** The registrations disclosed: every one, or only those the reader's organisation made. */
  scope: z.enum(['all', 'own-registrations']).optional(),
});

export type DemographicsReadV1 = Readonly<z.infer<typeof demographicsReadV1Schema>>;
