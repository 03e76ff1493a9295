// A new patient, v2: the demographics and identifiers are sealed under the
// patient's own data key (published first on identity.keys.v1), so erasing the key
// makes every copy of this event unreadable. v1 carried them in clear and is
// deprecated: nothing produces it any more, consumers still read old ones.
import { z } from 'zod';
import { organisationIdSchema } from './patient.schema';
import { sealedPayloadSchema } from '../crypto/sealed.schema';

export const PATIENT_REGISTERED_V2 = 'carechain.identity.patient.registered.v2';

export const patientRegisteredV2Schema = z.object({
  patientId: z.uuid(),
  /** The organisation where the patient registered: their custodian. */
  custodian: organisationIdSchema,
  /** One id per registration; a later PatientLinked names the registrations it joins. */
  registrationId: z.uuid(),
  /** `RegistrationDetails` sealed under the patient's data key. */
  details: sealedPayloadSchema,
  /** How the MPI came to create a new patient: no candidate, or a reviewer separated them. */
  match: z.object({ decision: z.enum(['new', 'separated']), reviewId: z.uuid().optional() }),
});

export type PatientRegisteredV2 = Readonly<z.infer<typeof patientRegisteredV2Schema>>;
