// GDPR Art. 17 erasure. The event itself is PHI-free by construction (a reason code
// and an opaque case reference), so audit may keep it for ever; the patient's keys
// are tombstoned on identity.keys.v1 in the same step.
import { z } from 'zod';

export const PATIENT_ERASED_V1 = 'carechain.identity.patient.erased.v1';

export const ERASURE_REASONS = ['data-subject-request', 'consent-withdrawn', 'unlawful-processing', 'legal-obligation', 'no-longer-necessary'] as const;

export const patientErasedV1Schema = z.object({
  patientId: z.uuid(),
  reason: z.enum(ERASURE_REASONS),
  /** The privacy office's case reference (e.g. DSR-2026-0042): an opaque id, never free text. */
  caseReference: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  /** Patients merged into this one, erased with it. */
  alsoErased: z.array(z.uuid()).max(100),
});

export type ErasureReason = (typeof ERASURE_REASONS)[number];
export type PatientErasedV1 = Readonly<z.infer<typeof patientErasedV1Schema>>;
