// An explicit merge folds one patient record into another (the survivor); unmerge
// undoes it. Each patient keeps its own key and history, so unmerge loses nothing.
// Keyed by the merged (absorbed) patient id.
import { z } from 'zod';

export const PATIENT_MERGED_V1 = 'carechain.identity.patient.merged.v1';
export const PATIENT_UNMERGED_V1 = 'carechain.identity.patient.unmerged.v1';

export const patientMergedV1Schema = z.object({ survivorId: z.uuid(), mergedId: z.uuid() });
export const patientUnmergedV1Schema = z.object({ survivorId: z.uuid(), mergedId: z.uuid() });

export type PatientMergedV1 = Readonly<z.infer<typeof patientMergedV1Schema>>;
export type PatientUnmergedV1 = Readonly<z.infer<typeof patientUnmergedV1Schema>>;
