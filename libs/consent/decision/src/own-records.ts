// A patient reading their own records (right of access, GDPR Art. 15). A patient's
// token speaks for that patient only: the custodian rule, grants and break-glass are
// for those who care for or pay for the patient, so a patient token whose
// organisation happens to be someone's custodian opens nothing else.
import type { Requester } from './access-request';
import type { PatientContext } from './patient-context';

export const PATIENT_ROLE = 'patient';
/** The purpose of use of a patient's own read: HL7 PATRQT, patient requested. */
export const OWN_RECORDS_PURPOSE = 'PATRQT';

export function isPatientRequester(requester: Requester): boolean {
  return requester.roles.includes(PATIENT_ROLE);
}

/** The requester is the patient: their id, or the id of a patient record merged into theirs. */
export function isThePatient(requester: Requester, patient: PatientContext): boolean {
  return requester.subject === patient.patientId || (patient.aliases?.includes(requester.subject) ?? false);
}
