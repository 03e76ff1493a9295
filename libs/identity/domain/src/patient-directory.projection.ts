// identity's own view of its patients, served by GET /patients/:id.
import { ConsumerGroups, PATIENT_REGISTERED_V1, Topics } from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';
import { keyPrefix, type Projection, type ProjectionCommand } from '@carechain/read-model';

export const PATIENT_DIRECTORY = 'identity.patients';

export function patientKey(patientId: string): string {
  return `${keyPrefix(PATIENT_DIRECTORY)}patient:${patientId}`;
}

export const patientDirectoryProjection: Projection = {
  name: PATIENT_DIRECTORY,
  topics: [Topics.identityPatient],
  consumerGroup: ConsumerGroups.identityPatientDirectory,
  apply({ event }: ConsumedRecord): ProjectionCommand[] {
    switch (event.type) {
      case PATIENT_REGISTERED_V1: {
        const { patientId, custodian, demographics, identifiers } = event.data;
        const doc = { id: patientId, custodian, demographics, identifiers, registeredAt: event.time, version: 1 };
        return [['HSET', patientKey(patientId), 'doc', JSON.stringify(doc), 'custodian', custodian, 'lastEventId', event.id]];
      }
      default:
        return [];
    }
  },
};
