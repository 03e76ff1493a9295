// Valid patient events for specs of the consuming side: a registration (the type most
// consumers do not handle) and an erasure (one nearly all of them do).
import { createEvent, PATIENT_ERASED_V1, PATIENT_REGISTERED_V1 } from '@carechain/contracts';

export const SAMPLE_PATIENT_ID = '0b0f4c3e-6a8e-4b2a-9d7e-3f1f1a2b3c4d';

export function samplePatientRegistered(patientId = SAMPLE_PATIENT_ID) {
  return createEvent({
    type: PATIENT_REGISTERED_V1,
    source: '/spec',
    subject: patientId,
    data: {
      patientId,
      custodian: 'hospital-a',
      demographics: { name: { given: ['Ada'], family: 'Lovelace' }, birthDate: '1815-12-10', gender: 'female' },
      identifiers: [{ system: 'urn:carechain:mrn:hospital-a', value: 'MRN-1' }],
    },
  });
}

export function samplePatientErased(patientId = SAMPLE_PATIENT_ID) {
  const data = { patientId, reason: 'data-subject-request' as const, caseReference: 'DSR-1', alsoErased: [] };
  return createEvent({ type: PATIENT_ERASED_V1, source: '/spec', subject: patientId, data });
}
