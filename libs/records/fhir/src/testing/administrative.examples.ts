// Realistic R4 examples of the administrative resources, full and minimal. Each
// call returns a fresh object, so a spec may break it freely.
import { SNOMED, UCUM, XHTML } from './codes';

export const fullEncounter = () => ({
  resourceType: 'Encounter',
  id: 'enc-1',
  text: { status: 'generated', div: XHTML('<p>Diabetes follow-up, <b>outpatient</b></p>') },
  identifier: [{ system: 'https://hospital-a.example/visits', value: 'V-20240301-17' }],
  status: 'finished',
  statusHistory: [{ status: 'arrived', period: { start: '2024-03-01T09:20:00+01:00', end: '2024-03-01T09:40:00+01:00' } }],
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
  type: [{ coding: [{ system: SNOMED, code: '185349003', display: 'Encounter for check up' }] }],
  priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActPriority', code: 'R', display: 'routine' }] },
  subject: { reference: 'Patient/p-123' },
  participant: [
    {
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PPRF' }] }],
      individual: { reference: 'Practitioner/pr-9' },
    },
  ],
  appointment: [{ reference: 'Appointment/appt-1' }],
  period: { start: '2024-03-01T09:40:00+01:00', end: '2024-03-01T10:05:00+01:00' },
  length: { value: 25, unit: 'minutes', system: UCUM, code: 'min' },
  reasonCode: [{ coding: [{ system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2' }] }],
  diagnosis: [
    {
      condition: { reference: 'Condition/cond-1' },
      use: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/diagnosis-role', code: 'CC' }] },
      rank: 1,
    },
  ],
  location: [{ location: { reference: 'Location/clinic-2', display: 'Diabetes clinic, room 2' }, status: 'completed' }],
  serviceProvider: { reference: 'Organization/hospital-a' },
});

export const minimalEncounter = () => ({
  resourceType: 'Encounter',
  status: 'planned',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR', display: 'virtual' },
});

export const fullAppointment = () => ({
  resourceType: 'Appointment',
  id: 'appt-1',
  status: 'booked',
  serviceType: [{ coding: [{ system: SNOMED, code: '394583002', display: 'Endocrinology' }] }],
  appointmentType: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'FOLLOWUP', display: 'A follow up visit from a previous appointment' }],
  },
  reasonReference: [{ reference: 'Condition/cond-1' }],
  priority: 5,
  description: 'Diabetes follow-up: review HbA1c and medication',
  start: '2024-03-01T09:40:00+01:00',
  end: '2024-03-01T10:00:00+01:00',
  minutesDuration: 20,
  created: '2024-02-10',
  patientInstruction: 'Bring your glucose diary',
  participant: [
    { actor: { reference: 'Patient/p-123', display: 'Ana Ruiz' }, required: 'required', status: 'accepted' },
    {
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'ATND' }] }],
      actor: { reference: 'Practitioner/pr-9' },
      status: 'accepted',
    },
    { actor: { reference: 'Location/clinic-2' }, status: 'accepted' },
  ],
});

export const minimalAppointment = () => ({
  resourceType: 'Appointment',
  status: 'proposed',
  participant: [{ actor: { reference: 'Patient/p-123' }, status: 'needs-action' }],
});

export const fullCommunication = () => ({
  resourceType: 'Communication',
  id: 'comm-1',
  status: 'completed',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/communication-category', code: 'notification' }] }],
  priority: 'routine',
  medium: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code: 'ELECTRONIC' }] }],
  subject: { reference: 'Patient/p-123' },
  encounter: { reference: 'Encounter/enc-1' },
  sent: '2024-03-01T11:00:00+01:00',
  recipient: [{ reference: 'Patient/p-123' }],
  sender: { reference: 'Practitioner/pr-9' },
  payload: [
    { contentString: 'Your HbA1c result is 7.4 %. Please keep the current dose of metformin.' },
    {
      contentAttachment: {
        contentType: 'application/pdf',
        url: 'https://hospital-a.example/letters/L-881.pdf',
        title: 'Visit summary',
        creation: '2024-03-01',
      },
    },
    { contentReference: { reference: 'Observation/bp-1' } },
  ],
});

export const minimalCommunication = () => ({ resourceType: 'Communication', status: 'in-progress' });

export const fullChargeItem = () => ({
  resourceType: 'ChargeItem',
  id: 'charge-1',
  status: 'billable',
  code: { coding: [{ system: SNOMED, code: '185349003', display: 'Encounter for check up' }], text: 'Outpatient follow-up visit' },
  subject: { reference: 'Patient/p-123' },
  context: { reference: 'Encounter/enc-1' },
  occurrencePeriod: { start: '2024-03-01T09:40:00+01:00', end: '2024-03-01T10:05:00+01:00' },
  performer: [{ function: { coding: [{ system: SNOMED, code: '158965000', display: 'Medical practitioner' }] }, actor: { reference: 'Practitioner/pr-9' } }],
  performingOrganization: { reference: 'Organization/hospital-a' },
  quantity: { value: 1 },
  priceOverride: { value: 85.5, currency: 'EUR' },
  overrideReason: 'contracted rate',
  enterer: { reference: 'Practitioner/pr-9' },
  enteredDate: '2024-03-01T10:10:00+01:00',
  service: [{ reference: 'Encounter/enc-1' }],
  account: [{ reference: 'Account/acc-77' }],
});

export const minimalChargeItem = () => ({
  resourceType: 'ChargeItem',
  status: 'planned',
  code: { text: 'HbA1c laboratory test' },
  subject: { reference: 'Patient/p-123' },
});
