// An audit entry as a FHIR R4 AuditEvent following the IHE BALP profile that matches
// it: a permitted read (PatientRead) or search (PatientQuery), a refused one and a
// break-glass decision (AuthZconsent, the emergency purpose ETREAT), records and
// consents written, amended or ended (PatientCreate/Update), an erasure
// (PatientDelete), a share or a claim sent to a payer (PrivacyDisclosure). Entries with no BALP pattern (key
// issuance, match reviews, merges) are not exported. Ids and codes only, as the trail.
import {
  ACCESS_DECIDED_V1,
  BREAK_GLASS_INVOKED_V1,
  CLAIM_SUBMITTED_V1,
  GRANT_EXPIRED_V1,
  GRANT_GRANTED_V1,
  GRANT_REVOKED_V1,
  PATIENT_ERASED_V1,
  PATIENT_REGISTERED_V1,
  PATIENT_REGISTERED_V2,
  RECORD_SHARED_V1,
  RECORD_WRITTEN_V1,
} from '@carechain/contracts';
import type { AuditDetails } from './audit-details';
import type { AnchoredAuditEntry } from './audit-trail.store.port';
import { BalpProfile, DicomCode, EntityType, ObjectRole, Outcome, Systems } from './balp-codes';

interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}
interface Concept {
  readonly coding: readonly Coding[];
  readonly text?: string;
}
interface Reference {
  readonly reference?: string;
  readonly identifier?: { readonly system: string; readonly value: string };
  readonly display?: string;
}
interface Agent {
  readonly type: Concept;
  readonly who: Reference;
  readonly requestor: boolean;
  readonly purposeOfUse?: readonly Concept[];
}
interface Entity {
  readonly what: Reference;
  readonly type: Coding;
  readonly role: Coding;
  readonly query?: string;
  readonly detail?: readonly { readonly type: string; readonly valueString: string }[];
}

export interface AuditEventResource {
  readonly resourceType: 'AuditEvent';
  readonly id: string;
  readonly meta: { readonly profile: readonly string[] };
  readonly type: Coding;
  readonly subtype?: readonly Coding[];
  readonly action: 'C' | 'R' | 'U' | 'D' | 'E';
  readonly recorded: string;
  readonly outcome: '0' | '8';
  readonly outcomeDesc?: string;
  readonly purposeOfEvent?: readonly Concept[];
  readonly agent: readonly Agent[];
  readonly source: { readonly observer: Reference; readonly type: readonly Coding[] };
  readonly entity: readonly Entity[];
}

type Kind = keyof typeof BalpProfile;

const ACTION: Record<Kind, AuditEventResource['action']> = { read: 'R', query: 'E', create: 'C', update: 'U', delete: 'D', consent: 'E', disclosure: 'R' };
const REST: Partial<Record<Kind, string>> = { read: 'read', query: 'search-type', create: 'create', update: 'update', delete: 'delete' };

const concept = (system: string, code: string): Concept => ({ coding: [{ system, code }] });
const str = (d: AuditDetails, key: string): string | undefined => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
const strings = (d: AuditDetails, key: string): readonly string[] => (Array.isArray(d[key]) ? (d[key] as readonly string[]) : []);

function who(system: string, value: string): Reference {
  return { identifier: { system, value } };
}

function patientEntity(patientId: string): Entity {
  return {
    what: { reference: `Patient/${patientId}` },
    type: { system: Systems.entityType, code: EntityType.person },
    role: { system: Systems.objectRole, code: ObjectRole.patient },
  };
}

function dataEntity(what: Reference): Entity {
  return { what, type: { system: Systems.entityType, code: EntityType.systemObject }, role: { system: Systems.objectRole, code: ObjectRole.domainResource } };
}

/** What the kind of event is and what it touched; undefined for an entry BALP has no pattern for. */
function classify(
  entry: AnchoredAuditEntry,
  d: AuditDetails,
): { kind: Kind; data: Entity[]; refused?: boolean; purpose?: string; recipient?: string; breakGlassReason?: string } | undefined {
  switch (entry.type) {
    case ACCESS_DECIDED_V1: {
      const data = strings(d, 'recordIds').map((id) => dataEntity(who(Systems.record, id)));
      const purpose = str(d, 'purpose');
      const breakGlassReason = str(d, 'breakGlassReason');
      const common = { data, ...(purpose && { purpose }), ...(breakGlassReason && { breakGlassReason }) };
      if (d['decision'] === 'deny') return { kind: 'consent', refused: true, ...common };
      if (d['operation'] === 'search') {
        const query: Entity = {
          what: { display: 'records search' },
          type: { system: Systems.entityType, code: EntityType.systemObject },
          role: { system: Systems.objectRole, code: ObjectRole.query },
          query: Buffer.from(`category=${strings(d, 'categories').join(',')}`).toString('base64'),
        };
        return { kind: 'query', ...common, data: [query, ...data] };
      }
      return { kind: 'read', ...common };
    }
    case BREAK_GLASS_INVOKED_V1: {
      const reason = str(d, 'breakGlassReason');
      return { kind: 'consent', data: [], purpose: str(d, 'purpose') ?? 'ETREAT', ...(reason && { breakGlassReason: reason }) };
    }
    case GRANT_GRANTED_V1:
    case GRANT_REVOKED_V1:
    case GRANT_EXPIRED_V1: {
      const grantId = str(d, 'grantId');
      return { kind: entry.type === GRANT_GRANTED_V1 ? 'create' : 'update', data: grantId ? [dataEntity({ reference: `Consent/${grantId}` })] : [] };
    }
    case RECORD_WRITTEN_V1: {
      const [recordId, resourceType] = [str(d, 'recordId'), str(d, 'resourceType')];
      const what = recordId && resourceType ? { reference: `${resourceType}/${recordId}` } : who(Systems.record, recordId ?? 'unknown');
      return { kind: d['version'] === 1 ? 'create' : 'update', data: [dataEntity(what)] };
    }
    case RECORD_SHARED_V1: {
      const recordId = str(d, 'recordId');
      const purpose = str(d, 'purpose');
      const recipient = str(d, 'sharedWith');
      return {
        kind: 'disclosure',
        data: recordId ? [dataEntity(who(Systems.record, recordId))] : [],
        ...(purpose && { purpose }),
        ...(recipient && { recipient }),
      };
    }
    case CLAIM_SUBMITTED_V1: {
      // A claim discloses what it bills for to the insurer, for payment.
      const [claimId, insurer] = [str(d, 'claimId'), str(d, 'insurer')];
      const records = strings(d, 'recordIds').map((id) => dataEntity(who(Systems.record, id)));
      return {
        kind: 'disclosure',
        data: [...(claimId ? [dataEntity({ reference: `Claim/${claimId}` })] : []), ...records],
        purpose: str(d, 'purpose') ?? 'HPAYMT',
        ...(insurer && { recipient: insurer }),
      };
    }
    case PATIENT_REGISTERED_V1:
    case PATIENT_REGISTERED_V2:
      return { kind: 'create', data: [dataEntity({ reference: `Patient/${entry.subject}` })] };
    case PATIENT_ERASED_V1:
      return { kind: 'delete', data: [dataEntity({ reference: `Patient/${entry.subject}` })] };
    default:
      return undefined;
  }
}

/** The BALP AuditEvent of an audit entry about a patient, or undefined when no profile matches. */
export function toAuditEvent(entry: AnchoredAuditEntry): AuditEventResource | undefined {
  if (entry.subject === null) return undefined;
  const c = classify(entry, entry.details ?? {});
  if (!c) return undefined;
  const purposeOfUse = c.purpose ? [concept(Systems.actReason, c.purpose)] : undefined;
  const type: Coding =
    c.kind === 'consent'
      ? { system: Systems.dicom, code: DicomCode.securityAlert }
      : c.kind === 'disclosure'
        ? { system: Systems.dicom, code: DicomCode.export }
        : { system: Systems.eventType, code: 'rest' };
  const subtype = REST[c.kind]
    ? [{ system: Systems.restful, code: REST[c.kind]! }]
    : c.kind === 'consent'
      ? [{ system: Systems.authzSubType, code: 'AuthZ-Consent' }]
      : undefined;
  const organisation = entry.actorOrganisation ?? 'unknown';
  const agents: Agent[] = [
    // The person who acted (the information recipient), asserting their purpose of use.
    {
      type: concept(Systems.participation, 'IRCP'),
      who: who(Systems.subject, entry.actor ?? 'unknown'),
      requestor: true,
      ...(purposeOfUse && { purposeOfUse }),
    },
    // Client and server, as BALP names them: the acting organisation and the carechain service.
    { type: concept(Systems.dicom, DicomCode.sourceRole), who: who(Systems.organisation, organisation), requestor: false },
    { type: concept(Systems.dicom, DicomCode.destinationRole), who: { display: `carechain ${entry.source.topic}` }, requestor: false },
  ];
  if (c.recipient) agents.push({ type: concept(Systems.participation, 'IRCP'), who: who(Systems.organisation, c.recipient), requestor: false });
  const patient = patientEntity(entry.subject);
  const entities = c.breakGlassReason
    ? [{ ...patient, detail: [{ type: 'break-glass-reason', valueString: c.breakGlassReason }] }, ...c.data]
    : [patient, ...c.data];
  return {
    resourceType: 'AuditEvent',
    id: entry.eventId,
    meta: { profile: [BalpProfile[c.kind]] },
    type,
    ...(subtype && { subtype }),
    action: ACTION[c.kind],
    recorded: entry.time,
    outcome: c.refused ? Outcome.refused : Outcome.success,
    ...(c.refused && { outcomeDesc: `refused: ${str(entry.details ?? {}, 'denyReason') ?? 'not permitted'}` }),
    ...(purposeOfUse && { purposeOfEvent: purposeOfUse }),
    agent: agents,
    source: { observer: { display: 'carechain audit' }, type: [{ system: Systems.sourceType, code: '4' }] },
    entity: entities,
  };
}
