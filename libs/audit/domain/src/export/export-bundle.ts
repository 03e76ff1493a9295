// The export as FHIR R4: one Bundle of type collection. Records, coverages, claims and
// explanations of benefit are the FHIR resources their services answered; audit maps
// identity's demographics to a Patient, consent's grants to Consents, and the patient's
// audit trail to AuditEvents (IHE BALP, as GET /AuditEvent serves them).
import { Systems } from '../balp-codes';
import type { AuditEventResource } from '../balp-audit-event';
import type { ConsentGrantView, PatientDemographics } from './export-sources.port';
import type { ExportedResource, FhirCollectionBundle } from './patient-export';

const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
// LOINC 59284-0: Patient Consent.
const LOINC = 'http://loinc.org';
export const DATA_CATEGORY_SYSTEM = 'https://carechain.dev/fhir/CodeSystem/data-category';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ExportParts {
  readonly patient: PatientDemographics;
  readonly consents: readonly ConsentGrantView[];
  readonly records: readonly ExportedResource[];
  readonly claims: readonly ExportedResource[];
  readonly auditEvents: readonly AuditEventResource[];
}

const organisation = (value: string) => ({ identifier: { system: Systems.organisation, value } });

export function patientResource(p: PatientDemographics): ExportedResource {
  const d = p.demographics;
  const name = d.name !== undefined && (d.name.family !== undefined || (d.name.given?.length ?? 0) > 0) ? [{ ...d.name }] : undefined;
  return {
    resourceType: 'Patient',
    id: p.id,
    ...(p.identifiers.length > 0 && { identifier: p.identifiers.map((i) => ({ system: i.system, value: i.value })) }),
    active: p.mergedInto === undefined,
    ...(name && { name }),
    ...((d.telecom?.length ?? 0) > 0 && { telecom: d.telecom!.map((t) => ({ system: t.system, value: t.value })) }),
    ...(d.gender !== undefined && { gender: d.gender }),
    ...(d.birthDate !== undefined && { birthDate: d.birthDate }),
    ...((d.address?.length ?? 0) > 0 && { address: d.address!.map((a) => ({ ...a })) }),
    managingOrganization: organisation(p.custodian),
    ...(p.mergedInto !== undefined && { link: [{ other: { reference: `Patient/${p.mergedInto}` }, type: 'replaced-by' }] }),
  };
}

/** A grant as a FHIR R4 Consent (scope patient-privacy): whom it permits, for which categories and purposes, for how long. */
export function consentResource(patientId: string, g: ConsentGrantView): ExportedResource {
  const ended = g.revokedAt ?? (g.status === 'expired' ? g.validUntil : undefined);
  const end = g.validUntil ?? ended;
  return {
    resourceType: 'Consent',
    id: g.grantId,
    status: g.status === 'active' ? 'active' : g.status === 'scheduled' ? 'proposed' : 'inactive',
    scope: { coding: [{ system: CONSENT_SCOPE, code: 'patient-privacy' }] },
    category: [{ coding: [{ system: LOINC, code: '59284-0' }] }],
    patient: { reference: `Patient/${patientId}` },
    dateTime: g.grantedAt,
    ...(g.grantedBy.kind === 'patient' && { performer: [{ reference: `Patient/${patientId}` }] }),
    provision: {
      type: 'permit',
      period: { start: g.validFrom, ...(end !== undefined && { end }) },
      actor: [
        { role: { coding: [{ system: Systems.participation, code: 'IRCP' }] }, reference: organisation(g.grantee.organisation) },
        ...(g.grantee.practitioner !== undefined
          ? [
              {
                role: { coding: [{ system: Systems.participation, code: 'IRCP' }] },
                reference: { identifier: { system: Systems.subject, value: g.grantee.practitioner } },
              },
            ]
          : []),
      ],
      purpose: g.purposes.map((code) => ({ system: Systems.actReason, code })),
      code: g.categories.map((code) => ({ coding: [{ system: DATA_CATEGORY_SYSTEM, code }] })),
    },
  };
}

export function collectionBundle(exportId: string, parts: ExportParts, now: Date): FhirCollectionBundle {
  const resources: ExportedResource[] = [
    patientResource(parts.patient),
    ...parts.records,
    ...parts.consents.map((g) => consentResource(parts.patient.id, g)),
    ...parts.claims,
    ...(parts.auditEvents as unknown as readonly ExportedResource[]),
  ];
  const at = now.toISOString();
  return {
    resourceType: 'Bundle',
    id: exportId,
    type: 'collection',
    timestamp: at,
    meta: { lastUpdated: at },
    entry: resources.map((resource) => ({ fullUrl: fullUrlOf(resource), resource })),
  };
}

// Versions of one record share their fullUrl and differ by meta.versionId (FHIR bdl-7).
function fullUrlOf(resource: ExportedResource): string {
  return typeof resource.id === 'string' && UUID.test(resource.id)
    ? `urn:uuid:${resource.id}`
    : `urn:carechain:${resource.resourceType}:${String(resource.id)}`;
}
