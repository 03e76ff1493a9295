// A patient reading their own records (right of access, GDPR Art. 15). A patient's
// token speaks for that patient only: the custodian rule, grants and break-glass are
// for those who care for or pay for the patient, so a patient token whose
// organisation happens to be someone's custodian opens nothing else.
import type { Requester } from './access-request';
import type { PatientContext } from './patient-context';

export const PATIENT_ROLE = 'patient';
/** The purpose of use of a patient's own read: HL7 PATRQT, patient requested. */
export const OWN_RECORDS_PURPOSE = 'PATRQT';

export const SERVICE_ROLE = 'service';

/** The patient the requester reads as: a patient's own token, or a service identity bound to one patient. */
function speaksFor(requester: Requester): string | undefined {
  if (requester.roles.includes(PATIENT_ROLE)) return requester.subject;
  return requester.roles.includes(SERVICE_ROLE) ? requester.patient : undefined;
}

export function isPatientRequester(requester: Requester): boolean {
  return speaksFor(requester) !== undefined;
}

/** The requester is the patient: their id, or the id of a patient record merged into theirs. */
export function isThePatient(requester: Requester, patient: PatientContext): boolean {
  const id = speaksFor(requester);
  return id !== undefined && (id === patient.patientId || (patient.aliases?.includes(id) ?? false));
}
