// The read side of identity's patient directory, as GET /patients/:id needs it. One
// real adapter (RedisPatientDirectory, over what patientDirectoryProjection writes);
// specs give the use case a fake.
import type { SealedPayload } from '@carechain/contracts';

export interface StoredRegistration {
  readonly registrationId: string;
  readonly organisation: string;
  readonly details: SealedPayload;
  readonly at: string;
}

export type StoredPatient =
  | {
      readonly status: 'active';
      readonly id: string;
      readonly custodian: string;
      readonly registeredAt: string;
      readonly mergedInto?: string;
      readonly registrations: StoredRegistration[];
    }
  | { readonly status: 'erased'; readonly id: string; readonly erasedAt: string };

export interface PatientDirectory {
  /** The patient's registrations (sealed), a marker if erased, or undefined for an unknown id. */
  get(patientId: string): Promise<StoredPatient | undefined>;
}
