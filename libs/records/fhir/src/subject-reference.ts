// Which patient a resource is about, so the records service can refuse a resource
// posted under /Patient/<id> that concerns someone else.
import type { FhirResource } from './resource-schemas';

const PATIENT_REFERENCE = /(^|\/)Patient\/[A-Za-z0-9\-.]{1,64}(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

type Participant = { actor?: { reference?: string; type?: string } };

// An Appointment has no subject: the patient is one of its participants.
function patientParticipant(participants: readonly Participant[]): string | undefined {
  const actors = participants.map((p) => p.actor).filter((actor) => actor?.reference !== undefined);
  return (actors.find((actor) => PATIENT_REFERENCE.test(actor?.reference ?? '')) ?? actors.find((actor) => actor?.type === 'Patient'))?.reference;
}

/**
 * The literal reference to the patient (or group) the resource is about, exactly as
 * written (e.g. `Patient/p-123`, or an absolute URL), or undefined when it has none:
 * Observation, Encounter and Communication may omit their subject, and a reference
 * may carry only a logical identifier.
 */
export function subjectReferenceOf(resource: FhirResource): string | undefined {
  switch (resource.resourceType) {
    case 'AllergyIntolerance':
      return resource.patient.reference;
    case 'Appointment':
      return patientParticipant(resource.participant);
    case 'Condition':
    case 'MedicationStatement':
    case 'ChargeItem':
      return resource.subject.reference;
    case 'Observation':
    case 'Encounter':
    case 'Communication':
      return resource.subject?.reference;
  }
}
