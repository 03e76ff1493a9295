// The code systems and IHE Basic Audit Log Patterns (BALP 1.1) profiles an exported
// AuditEvent uses: one place, so the mapping reads as the profiles do.

export const BALP_PROFILE = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.';

export const BalpProfile = {
  read: `${BALP_PROFILE}PatientRead`,
  query: `${BALP_PROFILE}PatientQuery`,
  create: `${BALP_PROFILE}PatientCreate`,
  update: `${BALP_PROFILE}PatientUpdate`,
  delete: `${BALP_PROFILE}PatientDelete`,
  consent: `${BALP_PROFILE}AuthZconsent`,
  disclosure: `${BALP_PROFILE}PrivacyDisclosure.Source`,
} as const;

export const Systems = {
  eventType: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
  restful: 'http://hl7.org/fhir/restful-interaction',
  dicom: 'http://dicom.nema.org/resources/ontology/DCM',
  authzSubType: 'https://profiles.ihe.net/ITI/BALP/CodeSystem/AuthZsubType',
  participation: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  entityType: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
  objectRole: 'http://terminology.hl7.org/CodeSystem/object-role',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  sourceType: 'http://terminology.hl7.org/CodeSystem/security-source-type',
  /** carechain's own identifier systems: a staff subject within its organisation, an organisation, a record. */
  subject: 'https://carechain.dev/fhir/sid/subject',
  organisation: 'https://carechain.dev/fhir/sid/organisation',
  record: 'https://carechain.dev/fhir/sid/record',
} as const;

export const DicomCode = { sourceRole: '110153', destinationRole: '110152', securityAlert: '110113', export: '110106', application: '110150' } as const;

/** audit-entity-type: 1 Person (the patient), 2 System Object (a resource, a query). */
export const EntityType = { person: '1', systemObject: '2' } as const;

/** object-role: 1 Patient, 4 Domain Resource, 24 Query. */
export const ObjectRole = { patient: '1', domainResource: '4', query: '24' } as const;

/** AuditEvent.outcome: 0 success, 8 serious failure (a refused access). */
export const Outcome = { success: '0', refused: '8' } as const;
