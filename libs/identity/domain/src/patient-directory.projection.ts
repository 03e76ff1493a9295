// identity's Redis view of its patients, served by GET /patients/:id. Registration
// details stay sealed here (ciphertext under the patient's key); the reader opens
// them in memory. Erasure deletes the patient's hash and leaves only a PHI-free
// marker, so GET can answer 410 rather than 404.
import {
  ConsumerGroups,
  isEventOf,
  PATIENT_ERASED_V1,
  PATIENT_LINKED_V1,
  PATIENT_MERGED_V1,
  PATIENT_REGISTERED_V2,
  PATIENT_UNMERGED_V1,
  Topics,
} from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';
import { keyPrefix, type Projection, type ProjectionCommand } from '@carechain/read-model';

export const PATIENT_DIRECTORY = 'identity.patients';

export function patientKey(patientId: string): string {
  return `${keyPrefix(PATIENT_DIRECTORY)}patient:${patientId}`;
}

export function erasedKey(patientId: string): string {
  return `${keyPrefix(PATIENT_DIRECTORY)}erased:${patientId}`;
}

/** What the directory handles: every other event on its topic is passed over by its type header, unparsed. */
const DIRECTORY_EVENTS = [PATIENT_REGISTERED_V2, PATIENT_LINKED_V1, PATIENT_MERGED_V1, PATIENT_UNMERGED_V1, PATIENT_ERASED_V1] as const;

export const patientDirectoryProjection: Projection = {
  name: PATIENT_DIRECTORY,
  topics: [Topics.identityPatient],
  consumerGroup: ConsumerGroups.identityPatientDirectory,
  eventTypes: DIRECTORY_EVENTS,
  apply({ event }: ConsumedRecord): ProjectionCommand[] {
    if (!isEventOf(DIRECTORY_EVENTS, event)) return [];
    switch (event.type) {
      case PATIENT_REGISTERED_V2: {
        const { patientId, custodian, registrationId, details } = event.data;
        const registration = JSON.stringify({ registrationId, organisation: custodian, details, at: event.time });
        return [['HSET', patientKey(patientId), 'custodian', custodian, 'registeredAt', event.time, `reg:${registrationId}`, registration]];
      }
      case PATIENT_LINKED_V1: {
        const { patientId, registrationId, organisation, details } = event.data;
        const registration = JSON.stringify({ registrationId, organisation, details, at: event.time });
        return [['HSET', patientKey(patientId), `reg:${registrationId}`, registration]];
      }
      case PATIENT_MERGED_V1:
        return [['HSET', patientKey(event.data.mergedId), 'mergedInto', event.data.survivorId]];
      case PATIENT_UNMERGED_V1:
        return [['HDEL', patientKey(event.data.mergedId), 'mergedInto']];
      case PATIENT_ERASED_V1:
        return [event.data.patientId, ...event.data.alsoErased].flatMap((id): ProjectionCommand[] => [
          ['DEL', patientKey(id)],
          ['SET', erasedKey(id), event.time],
        ]);
      default:
        return [];
    }
  },
};
