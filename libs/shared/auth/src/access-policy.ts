// Who may do what to whose patient: the one authorisation table of carechain. Each
// operation lists the roles that may call it and, per relationship to the patient the
// operation is about, whether they may. The services' use cases check it (the
// controllers only authenticate); the README's "Authorisation" table is rendered from
// it, and the end-to-end matrix walks it against the running services.
//
// Reads of clinical data and demographics are decided further by the consent decision
// (@carechain/consent-decision): roles carry purposes of use, the custodian rule, the
// patient's grants and break-glass. The table says who takes part at all.
//
// Relationships, from the caller to the patient:
//  - self: the patient's own token (its subject is the patient, or a patient merged
//    into them). A patient token is never staff, whatever its organisation says. A
//    service identity bound to the patient (its token's `patient` claim: audit assembling
//    the patient's export) is self too, for the operations that list `service`, and
//    other to every other patient;
//  - custodian: staff of the organisation responsible for the patient (the survivor's
//    custodian after a merge);
//  - related: staff of another organisation with a relationship to the patient: one
//    that registered them (a linked registration) or that holds a grant of theirs;
//  - other: anyone else.
import type { Role } from './roles';

export const RELATIONSHIPS = ['self', 'custodian', 'related', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface AccessRule {
  /** The service and route, for people and for the matrix test. */
  readonly route: string;
  readonly roles: readonly Role[];
  readonly relationships: readonly Relationship[];
  /** What else decides, or what a permitted caller sees; one line for the README. */
  readonly note: string;
  /**
   * A service identity bound to the patient (its token's `patient` claim) may call it for
   * that patient (relationship self): what audit needs to assemble the patient's export.
   * Reads only. `service` in `roles` is the unbound kind, which needs a grant.
   */
  readonly boundService?: true;
}

const STAFF_CUSTODIAN: readonly Relationship[] = ['custodian'];
const ANY: readonly Relationship[] = RELATIONSHIPS;

export const ACCESS_POLICY = {
  'identity.patient.register': {
    route: 'identity POST /patients',
    roles: ['registrar', 'clinician', 'admin'],
    relationships: ANY,
    note: 'The answer is the patient id and the outcome, never another organisation’s details.',
  },
  'identity.patient.read': {
    route: 'identity GET /patients/:id',
    roles: ['patient', 'registrar', 'clinician', 'practitioner', 'data-steward', 'admin'],
    relationships: ['self', 'custodian', 'related'],
    note: 'Decided as category demographics: the patient (PATRQT); custodian clinicians (TREAT) and desk, stewards, admins (HOPERAT); a grant covering demographics. An organisation that only registered the patient sees its own registrations.',
    boundService: true,
  },
  'identity.patient.did': {
    route: 'identity GET /patients/:id/did.json',
    roles: ['patient', 'registrar', 'clinician', 'practitioner', 'data-steward', 'privacy-officer', 'payer', 'auditor', 'admin', 'service'],
    relationships: ANY,
    note: 'Public keys only: anyone verifying a patient signature needs them.',
  },
  'identity.patient.erase': {
    route: 'identity DELETE /patients/:id',
    roles: ['privacy-officer'],
    relationships: STAFF_CUSTODIAN,
    note: 'With a reason code and a case reference.',
  },
  'identity.keys.rotate': { route: 'identity POST /patients/:id/keys/rotate', roles: ['privacy-officer', 'admin'], relationships: STAFF_CUSTODIAN, note: '' },
  'identity.signing-key.register': {
    route: 'identity POST /patients/:id/signing-keys',
    roles: ['patient'],
    relationships: ['self'],
    note: 'Only the patient registers the keys their consent is signed with.',
  },
  'identity.review.list': {
    route: 'identity GET /mpi/reviews',
    roles: ['data-steward', 'admin'],
    relationships: ANY,
    note: 'Lists the reviews of registrations made by the caller’s organisation.',
  },
  'identity.review.resolve': {
    route: 'identity POST /mpi/reviews/:id/link|separate',
    roles: ['data-steward', 'admin'],
    relationships: STAFF_CUSTODIAN,
    note: 'Staff of the organisation whose registration is under review.',
  },
  'identity.merge': {
    route: 'identity POST /mpi/merges',
    roles: ['data-steward', 'admin'],
    relationships: STAFF_CUSTODIAN,
    note: 'Custodian of either patient. Same custodian: merged at once. Different custodians: a merge request the other custodian accepts.',
  },
  'identity.merge-request.list': {
    route: 'identity GET /mpi/merge-requests',
    roles: ['data-steward', 'admin'],
    relationships: ANY,
    note: 'Requests that involve the caller’s organisation.',
  },
  'identity.merge-request.resolve': {
    route: 'identity POST /mpi/merge-requests/:id/accept|reject',
    roles: ['data-steward', 'admin'],
    relationships: STAFF_CUSTODIAN,
    note: 'Only the custodian the request awaits.',
  },
  'identity.unmerge': {
    route: 'identity POST /mpi/unmerges',
    roles: ['data-steward', 'admin'],
    relationships: STAFF_CUSTODIAN,
    note: 'Custodian of either patient.',
  },
  'consent.grant': {
    route: 'consent POST /consents',
    roles: ['patient', 'registrar', 'clinician', 'admin'],
    relationships: ['self', 'custodian'],
    note: 'Staff record a paper consent; signed: true only with the patient’s own key.',
  },
  'consent.revoke': {
    route: 'consent POST /consents/:id/revoke',
    roles: ['patient', 'registrar', 'clinician', 'admin'],
    relationships: ['self', 'custodian'],
    note: 'Not the grantee.',
  },
  'consent.list': {
    route: 'consent GET /patients/:id/consents',
    roles: ['patient', 'registrar', 'clinician', 'admin', 'auditor', 'privacy-officer'],
    relationships: ['self', 'custodian'],
    note: 'Auditors and privacy officers of the custodian only.',
    boundService: true,
  },
  'consent.decide': {
    route: 'consent POST /decisions',
    roles: ['clinician', 'practitioner', 'registrar', 'data-steward', 'privacy-officer', 'payer', 'auditor', 'admin', 'service'],
    relationships: ANY,
    note: 'Always 200: the consent decision for the caller, by the same rules as a read.',
  },
  'records.write': {
    route: 'records POST /patients/:id/records, PUT /records/:id',
    roles: ['clinician', 'practitioner'],
    relationships: ['custodian', 'related'],
    note: 'Decided for TREAT: the custodian, or a grant for the category.',
  },
  'records.read': {
    route: 'records GET /records/:id, /_history, /patients/:id/records',
    roles: ['clinician', 'practitioner', 'payer', 'patient', 'service'],
    relationships: ANY,
    note: 'Decided: the patient (PATRQT), custodian clinicians (TREAT), grants, break-glass (clinician, TREAT/ETREAT, a reason). A payer reads for HPAYMT what a grant or a claim addressed to it (the records it bills for) discloses; a service for the purposes its token grants it, with a grant.',
    boundService: true,
  },
  'records.share': {
    route: 'records POST /records/:id/shares',
    roles: ['clinician', 'practitioner'],
    relationships: ['custodian', 'related'],
    note: 'The caller must read the record for treatment; consent must permit the recipient.',
  },
  'audit.trail.read': {
    route: 'audit GET /audit/events?patient=',
    roles: ['patient', 'auditor', 'privacy-officer'],
    relationships: ANY,
    note: 'The patient and oversight of the custodian see the whole trail; oversight of another organisation sees what its own organisation did.',
  },
  'audit.proof.read': {
    route: 'audit GET /audit/events/:id/proof',
    roles: ['patient', 'auditor', 'privacy-officer'],
    relationships: ANY,
    note: 'For the events of the trail the caller may read.',
  },
  'claims.coverage.register': {
    route: 'claims POST /coverages',
    roles: ['payer', 'registrar'],
    relationships: ANY,
    note: 'The payer of the coverage, or the registration desk recording a patient’s insurance.',
  },
  'claims.coverage.list': {
    route: 'claims GET /patients/:id/coverages',
    roles: ['clinician', 'practitioner', 'registrar', 'payer', 'patient', 'auditor'],
    relationships: ANY,
    note: 'All to the patient and to the custodian’s providers and auditors; a payer (and its auditors) its own.',
    boundService: true,
  },
  'claims.submit': {
    route: 'claims POST /claims',
    roles: ['clinician', 'practitioner', 'registrar'],
    relationships: ANY,
    note: 'A provider bills care it documented; the submission is a disclosure to the payer for payment (HPAYMT).',
  },
  'claims.read': {
    route: 'claims GET /claims, /claims/:id, /claims/:id/response',
    roles: ['clinician', 'practitioner', 'registrar', 'payer', 'patient', 'auditor'],
    relationships: ANY,
    note: 'A claim is seen by the submitting provider organisation, the insurer it is addressed to, the patient, and the auditors of that provider or insurer; nobody else.',
    boundService: true,
  },
  'claims.adjudicate': {
    route: 'claims POST /claims/:id/adjudication',
    roles: ['payer'],
    relationships: ANY,
    note: 'The insurer the claim is addressed to, for a pended claim.',
  },
  'claims.pay': { route: 'claims POST /claims/:id/payment', roles: ['payer'], relationships: ANY, note: 'The insurer the claim is addressed to.' },
  'claims.cancel': {
    route: 'claims POST /claims/:id/cancel',
    roles: ['clinician', 'practitioner', 'registrar'],
    relationships: ANY,
    note: 'The submitting provider, before adjudication.',
  },
  'claims.appeal': {
    route: 'claims POST /claims/:id/appeal',
    roles: ['clinician', 'practitioner', 'registrar', 'patient'],
    relationships: ANY,
    note: 'The submitting provider or the patient, after a decision.',
  },
  'claims.eob.list': {
    route: 'claims GET /patients/:id/explanation-of-benefits',
    roles: ['clinician', 'practitioner', 'registrar', 'payer', 'patient', 'auditor'],
    relationships: ANY,
    note: 'The patient, their custodian’s providers and auditors, and their payers (and their auditors) for the claims sent to them.',
    boundService: true,
  },
  'claims.plans.read': {
    route: 'claims GET /benefit-plans',
    roles: ['payer', 'auditor'],
    relationships: ANY,
    note: 'A payer its own plans; an auditor every payer’s.',
  },
  'claims.plans.publish': {
    route: 'claims POST /benefit-plans',
    roles: ['payer'],
    relationships: ANY,
    note: 'A payer publishes a new version of its own plan.',
  },
  'audit.actor.read': {
    route: 'audit GET /audit/actors/:actorId/events',
    roles: ['privacy-officer'],
    relationships: ANY,
    note: 'An investigation of one user: a privacy officer sees what that user did as staff of the officer’s own organisation, to any patient; never another organisation’s staff.',
  },
  'audit.access-report.read': {
    route: 'audit GET /patients/:id/access-report',
    roles: ['patient', 'privacy-officer'],
    relationships: ['self', 'custodian'],
    note: 'Who saw or received what, when and why, in plain words (JSON, or printable HTML): the patient’s own, or their custodian’s privacy officer’s on their request.',
  },
  'audit.fhir.search': {
    route: 'audit GET /AuditEvent',
    roles: ['patient', 'auditor', 'privacy-officer'],
    relationships: ANY,
    note: 'FHIR AuditEvents (IHE BALP): with patient=, the part of that patient’s trail the caller may read (as audit.trail.read); with agent= alone, an investigation (as audit.actor.read).',
  },
  'audit.disclosures.read': {
    route: 'audit GET /patients/:id/disclosures',
    roles: ['patient', 'auditor', 'privacy-officer'],
    relationships: ['self', 'custodian'],
    note: 'The accounting of disclosures outside the custodian (HIPAA 164.528): the patient, and oversight of the custodian.',
  },
  'audit.export.start': {
    route: 'audit POST /patients/:id/exports',
    roles: ['patient', 'privacy-officer'],
    relationships: ['self', 'custodian'],
    note: 'Right of access and portability (GDPR Art. 15 and 20, HIPAA 164.524): the patient, or their custodian’s privacy officer on their request, starts an export of everything carechain holds about them; an audited disclosure.',
  },
  'audit.export.read': {
    route: 'audit GET /exports/:id',
    roles: ['patient', 'privacy-officer'],
    relationships: ANY,
    note: 'Only the principal that started the export: 202 while it is assembled, then one FHIR Bundle (collection).',
  },
  'audit.monitor.read': {
    route: 'audit GET /audit/monitor',
    roles: ['privacy-officer', 'auditor'],
    relationships: ANY,
    note: 'The completeness monitor: per anchored topic partition, how far the chain is accounted for, the lag behind the log and the chain, and every finding. Kafka coordinates and hashes only, nobody’s data.',
  },
  'admin.read-models': {
    route: 'every service GET /admin/read-models, POST /admin/read-models/:name/rebuild',
    roles: ['admin'],
    relationships: ANY,
    note: 'Operators: not about a patient.',
  },
} as const satisfies Record<string, AccessRule>;

export type Operation = keyof typeof ACCESS_POLICY;

/** The roles that may call `operation` at all (for @Roles on its route): a bound service too where the rule lets it. */
export function rolesFor(operation: Operation): [Role, ...Role[]] {
  const rule: AccessRule = ACCESS_POLICY[operation];
  const roles: Role[] = [...rule.roles];
  if (rule.boundService === true && !roles.includes('service')) roles.push('service');
  return roles as [Role, ...Role[]];
}

/** Whether a caller with these roles and this relationship to the patient may perform `operation`. */
export function isPermitted(operation: Operation, roles: readonly Role[] | readonly string[], relationship: Relationship): boolean {
  const rule: AccessRule = ACCESS_POLICY[operation];
  if (!rule.relationships.includes(relationship)) return false;
  const allowed = rule.roles as readonly string[];
  // A patient token speaks for that patient only: its staff roles, if any, do not count.
  if (roles.includes('patient')) return relationship === 'self' && allowed.includes('patient');
  // Besides the patient, only a service identity bound to them is ever self (relationshipOf).
  if (relationship === 'self') return roles.includes('service') && rule.boundService === true;
  return roles.some((r) => allowed.includes(r));
}

/** What a caller's relationship to a patient is decided from. */
export interface PatientRelation {
  readonly patientId: string;
  /** The organisation responsible for the patient (the survivor's, after a merge). */
  readonly custodian: string;
  /** Patients merged into this one: a patient token under any of them is the patient. */
  readonly aliases?: readonly string[];
  /** Other organisations related to the patient (registered them, hold a grant). */
  readonly related?: (organisation: string) => boolean;
}

export interface Caller {
  readonly subject: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  /** A service identity's granted purposes of use (its token's `purposes`). */
  readonly purposes?: readonly string[];
  /** A service identity bound to one patient (its token's `patient` claim). */
  readonly patient?: string;
}

export function relationshipOf(caller: Caller, patient: PatientRelation): Relationship {
  const speaksFor = caller.roles.includes('patient') ? caller.subject : caller.patient;
  if (speaksFor !== undefined) return speaksFor === patient.patientId || (patient.aliases?.includes(speaksFor) ?? false) ? 'self' : 'other';
  if (caller.organisation === patient.custodian) return 'custodian';
  return patient.related?.(caller.organisation) === true ? 'related' : 'other';
}

/** The README's table: operation, route, roles and the relationships that may. */
export function renderAccessPolicy(): string {
  const rows = Object.entries(ACCESS_POLICY).map(([op, rule]: [string, AccessRule]) => {
    const rel = rule.relationships.length === RELATIONSHIPS.length ? 'any' : rule.relationships.join(', ');
    const roles = rule.boundService === true ? `${rule.roles.join(', ')}; service bound to the patient (self)` : rule.roles.join(', ');
    return `| \`${op}\` | ${rule.route} | ${roles} | ${rel} | ${rule.note} |`;
  });
  return ['| operation | route | roles | relationship to the patient | and |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
