// A patient's export delivered (right of access and portability): which export, who
// asked for it (the patient, or their custodian's privacy officer on their request),
// and how many resources of each FHIR type it held. Ids and counts only: the bundle
// itself stays in audit's Redis, for a while, for whoever asked.
import { z } from 'zod';
import { organisationIdSchema } from '../identity/patient.schema';

export const PATIENT_EXPORTED_V1 = 'carechain.audit.patient.exported.v1';

export const patientExportedV1Schema = z.object({
  exportId: z.uuid(),
  patientId: z.uuid(),
  requestedBy: z.object({ subject: z.string().min(1).max(128), organisation: organisationIdSchema }),
  /** Resources in the bundle, by FHIR resource type. */
  resources: z.record(z.string().regex(/^[A-Z][A-Za-z]{1,63}$/), z.number().int().min(0)),
});

export type PatientExportedV1 = Readonly<z.infer<typeof patientExportedV1Schema>>;
