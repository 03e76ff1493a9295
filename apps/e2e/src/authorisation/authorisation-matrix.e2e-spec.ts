// The authorisation matrix: every endpoint the services document, for every role,
// at the patient's custodian and at another organisation, and for patient tokens
// of the patient themself and of another patient. Each cell asserts its status:
// ACCESS_POLICY (libs/shared/auth) says who may; where the consent decision decides
// further, the route's `decided` rule says what it answers. An endpoint that the
// services document but this table has no route for fails the first test.
import { ACCESS_POLICY, isPermitted, ROLES, type Operation, type Relationship } from '@carechain/auth';
import { call } from '../support/api';
import { testPatient } from '../support/patients';
import {
  as,
  boundServiceToken,
  condition,
  CUSTODIAN,
  ed25519Jwk,
  grant,
  OTHER_ORG,
  patientToken,
  registerPatient,
  startAuthWorld,
  writeRecord,
  type AuthWorld,
} from './authorisation-world';

type Service = 'identity' | 'consent' | 'records' | 'audit' | 'claims';

interface Target {
  readonly patientId: string;
  readonly recordId: string;
}

interface Route {
  readonly service: Service;
  readonly method: string;
  /** As the OpenAPI document writes it. */
  readonly path: string;
  readonly operation: Operation;
  /** Whether the caller's relationship to a patient matters (else every cell is at the custodian). */
  readonly patientScoped: boolean;
  /** The path and body of one request; `fresh` for a cell that may change the patient (erase, revoke). */
  request(t: Target, w: AuthWorld): Promise<{ path: string; body?: unknown }>;
  /** The status of a cell the policy permits. */
  permitted(role: string, relationship: Relationship): number;
  /** Cells that change the patient get a patient of their own. */
  readonly destructive?: boolean;
}

const UNKNOWN = '00000000-0000-4000-8000-00000000beef';
const same = (status: number) => () => status;
const clinical = (role: string) => role === 'clinician' || role === 'practitioner';
// Reads the consent decision answers: the patient, and clinical roles at the custodian (no grants in this world).
const decidedRead = (role: string, rel: Relationship) => (rel === 'self' || (rel === 'custodian' && clinical(role)) ? 200 : 403);
const custodianProviders = (role: string, rel: Relationship) => (['clinician', 'practitioner', 'registrar'].includes(role) && rel === 'other' ? 403 : 200);

const ROUTES: readonly Route[] = [
  {
    service: 'identity',
    method: 'POST',
    path: '/patients',
    operation: 'identity.patient.register',
    patientScoped: false,
    request: async () => ({ path: '/patients', body: testPatient().body }),
    permitted: same(201),
  },
  {
    service: 'identity',
    method: 'GET',
    path: '/patients/{id}',
    operation: 'identity.patient.read',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}` }),
    permitted: same(200),
  },
  {
    service: 'identity',
    method: 'DELETE',
    path: '/patients/{id}',
    operation: 'identity.patient.erase',
    patientScoped: true,
    destructive: true,
    request: async (t) => ({ path: `/patients/${t.patientId}`, body: { reason: 'data-subject-request', caseReference: 'DSR-M' } }),
    permitted: same(200),
  },
  {
    service: 'identity',
    method: 'POST',
    path: '/patients/{id}/signing-keys',
    operation: 'identity.signing-key.register',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}/signing-keys`, body: { jwk: ed25519Jwk() } }),
    permitted: same(201),
  },
  {
    service: 'identity',
    method: 'GET',
    path: '/patients/{id}/did.json',
    operation: 'identity.patient.did',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}/did.json` }),
    permitted: same(200),
  },
  {
    service: 'identity',
    method: 'POST',
    path: '/patients/{id}/keys/rotate',
    operation: 'identity.keys.rotate',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}/keys/rotate` }),
    permitted: same(200),
  },
  {
    service: 'identity',
    method: 'GET',
    path: '/mpi/reviews',
    operation: 'identity.review.list',
    patientScoped: false,
    request: async () => ({ path: '/mpi/reviews' }),
    permitted: same(200),
  },
  {
    service: 'identity',
    method: 'POST',
    path: '/mpi/reviews/{id}/link',
    operation: 'identity.review.resolve',
    patientScoped: false,
    request: async () => ({ path: `/mpi/reviews/${UNKNOWN}/link` }),
    permitted: same(404),
  },
  {
    service: 'identity',
    method: 'POST',
    path: '/mpi/reviews/{id}/separate',
    operation: 'identity.review.resolve',
    patientScoped: false,
    request: async () => ({ path: `/mpi/reviews/${UNKNOWN}/separate` }),
    permitted: same(404),
  },
  // A merge of the patient into itself: refused as such (409) once the caller may merge at all.
  {
    service: 'identity',
    method: 'POST',
    path: '/mpi/merges',
    operation: 'identity.merge',
    patientScoped: true,
    request: async (t) => ({ path: '/mpi/merges', body: { survivorId: t.patientId, mergedId: t.patientId } }),
    permitted: same(409),
  },
  {
    service: 'identity',
    method: 'POST',
    path: '/mpi/unmerges',
    operation: 'identity.unmerge',
    patientScoped: true,
    request: async (t) => ({ path: '/mpi/unmerges', body: { survivorId: t.patientId, mergedId: t.patientId } }),
    permitted: same(409),
  },
  {
    service: 'identity',
    method: 'GET',
    path: '/mpi/merge-requests',
    operation: 'identity.merge-request.list',
    patientScoped: false,
    request: async () => ({ path: '/mpi/merge-requests' }),
    permitted: same(200),
  },
  {
    service: 'identity',
    method: 'POST',
    path: '/mpi/merge-requests/{id}/accept',
    operation: 'identity.merge-request.resolve',
    patientScoped: false,
    request: async () => ({ path: `/mpi/merge-requests/${UNKNOWN}/accept` }),
    permitted: same(404),
  },
  {
    service: 'identity',
    method: 'POST',
    path: '/mpi/merge-requests/{id}/reject',
    operation: 'identity.merge-request.resolve',
    patientScoped: false,
    request: async () => ({ path: `/mpi/merge-requests/${UNKNOWN}/reject` }),
    permitted: same(404),
  },
  {
    service: 'consent',
    method: 'POST',
    path: '/consents',
    operation: 'consent.grant',
    patientScoped: true,
    request: async (t) => ({
      path: '/consents',
      body: { patientId: t.patientId, grantee: { organisation: 'clinic-z' }, categories: ['conditions'], purposes: ['TREAT'] },
    }),
    permitted: same(201),
  },
  {
    service: 'consent',
    method: 'POST',
    path: '/consents/{id}/revoke',
    operation: 'consent.revoke',
    patientScoped: true,
    destructive: true,
    request: async (t, w) => ({ path: `/consents/${await grant(w, t.patientId)}/revoke` }),
    permitted: same(200),
  },
  {
    service: 'consent',
    method: 'GET',
    path: '/patients/{id}/consents',
    operation: 'consent.list',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}/consents` }),
    permitted: same(200),
  },
  {
    service: 'consent',
    method: 'POST',
    path: '/decisions',
    operation: 'consent.decide',
    patientScoped: true,
    request: async (t) => ({ path: '/decisions', body: { patientId: t.patientId, categories: ['conditions'], purpose: 'TREAT' } }),
    permitted: same(200),
  },
  {
    service: 'records',
    method: 'POST',
    path: '/patients/{id}/records',
    operation: 'records.write',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}/records`, body: condition(t.patientId) }),
    permitted: (_role, rel) => (rel === 'custodian' ? 201 : 403),
  },
  {
    service: 'records',
    method: 'GET',
    path: '/patients/{id}/records',
    operation: 'records.read',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}/records` }),
    permitted: decidedRead,
  },
  {
    service: 'records',
    method: 'GET',
    path: '/records/{recordId}',
    operation: 'records.read',
    patientScoped: true,
    request: async (t) => ({ path: `/records/${t.recordId}` }),
    permitted: decidedRead,
  },
  {
    service: 'records',
    method: 'GET',
    path: '/records/{recordId}/_history',
    operation: 'records.read',
    patientScoped: true,
    request: async (t) => ({ path: `/records/${t.recordId}/_history` }),
    permitted: decidedRead,
  },
  {
    service: 'records',
    method: 'PUT',
    path: '/records/{recordId}',
    operation: 'records.write',
    patientScoped: true,
    request: async (t) => ({ path: `/records/${t.recordId}`, body: condition(t.patientId) }),
    permitted: (_role, rel) => (rel === 'custodian' ? 200 : 403),
  },
  // No grant ever names clinic-nowhere: refused as such (409) once the caller may share at all.
  {
    service: 'records',
    method: 'POST',
    path: '/records/{recordId}/shares',
    operation: 'records.share',
    patientScoped: true,
    request: async (t) => ({ path: `/records/${t.recordId}/shares`, body: { organisation: 'clinic-nowhere', purpose: 'TREAT' } }),
    permitted: (_role, rel) => (rel === 'custodian' ? 409 : 403),
  },
  {
    service: 'audit',
    method: 'GET',
    path: '/audit/events',
    operation: 'audit.trail.read',
    patientScoped: true,
    request: async (t) => ({ path: `/audit/events?patient=${t.patientId}` }),
    permitted: same(200),
  },
  {
    service: 'audit',
    method: 'GET',
    path: '/audit/events/{eventId}/proof',
    operation: 'audit.proof.read',
    patientScoped: false,
    request: async () => ({ path: `/audit/events/${UNKNOWN}/proof` }),
    permitted: same(404),
  },
  // claims: who takes part at all; which claim each may see or move is decided per claim
  // (submitting provider, addressed insurer, the patient, auditors) and tested with claims.
  // Unknown claims answer 404 to whoever may ask; an empty resource is not a Coverage or Claim (422).
  {
    service: 'claims',
    method: 'POST',
    path: '/coverages',
    operation: 'claims.coverage.register',
    patientScoped: false,
    request: async () => ({ path: '/coverages', body: {} }),
    permitted: same(422),
  },
  // Providers see a patient's coverages and EOBs at the custodian only; payers and auditors anywhere see those of their own organisation.
  {
    service: 'claims',
    method: 'GET',
    path: '/patients/{id}/coverages',
    operation: 'claims.coverage.list',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}/coverages` }),
    permitted: custodianProviders,
  },
  {
    service: 'claims',
    method: 'GET',
    path: '/patients/{id}/explanation-of-benefits',
    operation: 'claims.eob.list',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}/explanation-of-benefits` }),
    permitted: custodianProviders,
  },
  {
    service: 'claims',
    method: 'POST',
    path: '/claims',
    operation: 'claims.submit',
    patientScoped: false,
    request: async () => ({ path: '/claims', body: {} }),
    permitted: same(422),
  },
  // A search of the claims the custodian submitted: every party sees its own part of it.
  {
    service: 'claims',
    method: 'GET',
    path: '/claims',
    operation: 'claims.read',
    patientScoped: false,
    request: async () => ({ path: `/claims?provider=${CUSTODIAN}` }),
    permitted: same(200),
  },
  {
    service: 'claims',
    method: 'GET',
    path: '/claims/{claimId}',
    operation: 'claims.read',
    patientScoped: false,
    request: async () => ({ path: `/claims/${UNKNOWN}` }),
    permitted: same(404),
  },
  {
    service: 'claims',
    method: 'GET',
    path: '/claims/{claimId}/response',
    operation: 'claims.read',
    patientScoped: false,
    request: async () => ({ path: `/claims/${UNKNOWN}/response` }),
    permitted: same(404),
  },
  {
    service: 'claims',
    method: 'POST',
    path: '/claims/{claimId}/adjudication',
    operation: 'claims.adjudicate',
    patientScoped: false,
    request: async () => ({ path: `/claims/${UNKNOWN}/adjudication`, body: { decision: 'approve' } }),
    permitted: same(404),
  },
  {
    service: 'claims',
    method: 'POST',
    path: '/claims/{claimId}/payment',
    operation: 'claims.pay',
    patientScoped: false,
    request: async () => ({ path: `/claims/${UNKNOWN}/payment`, body: { amount: 10, date: '2026-12-01', remittanceReference: 'R-1' } }),
    permitted: same(404),
  },
  {
    service: 'claims',
    method: 'POST',
    path: '/claims/{claimId}/cancel',
    operation: 'claims.cancel',
    patientScoped: false,
    request: async () => ({ path: `/claims/${UNKNOWN}/cancel` }),
    permitted: same(404),
  },
  {
    service: 'claims',
    method: 'POST',
    path: '/claims/{claimId}/appeal',
    operation: 'claims.appeal',
    patientScoped: false,
    request: async () => ({ path: `/claims/${UNKNOWN}/appeal`, body: { reason: 'the service was documented' } }),
    permitted: same(404),
  },
  {
    service: 'claims',
    method: 'GET',
    path: '/benefit-plans',
    operation: 'claims.plans.read',
    patientScoped: false,
    request: async () => ({ path: '/benefit-plans' }),
    permitted: same(200),
  },
  {
    service: 'claims',
    method: 'POST',
    path: '/benefit-plans',
    operation: 'claims.plans.publish',
    patientScoped: false,
    request: async () => ({ path: '/benefit-plans', body: {} }),
    permitted: same(422),
  },
  {
    service: 'audit',
    method: 'GET',
    path: '/audit/actors/{actorId}/events',
    operation: 'audit.actor.read',
    patientScoped: false,
    request: async () => ({ path: '/audit/actors/dr-matrix/events' }),
    permitted: same(200),
  },
  {
    service: 'audit',
    method: 'GET',
    path: '/AuditEvent',
    operation: 'audit.fhir.search',
    patientScoped: true,
    request: async (t) => ({ path: `/AuditEvent?patient=${t.patientId}` }),
    permitted: same(200),
  },
  {
    service: 'audit',
    method: 'GET',
    path: '/patients/{id}/access-report',
    operation: 'audit.access-report.read',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}/access-report` }),
    permitted: same(200),
  },
  {
    service: 'audit',
    method: 'GET',
    path: '/patients/{id}/disclosures',
    operation: 'audit.disclosures.read',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}/disclosures` }),
    permitted: same(200),
  },
  {
    service: 'audit',
    method: 'GET',
    path: '/audit/monitor',
    operation: 'audit.monitor.read',
    patientScoped: false,
    request: async () => ({ path: '/audit/monitor' }),
    permitted: same(200),
  },
  {
    service: 'audit',
    method: 'POST',
    path: '/patients/{id}/exports',
    operation: 'audit.export.start',
    patientScoped: true,
    request: async (t) => ({ path: `/patients/${t.patientId}/exports` }),
    permitted: same(202),
  },
  {
    service: 'audit',
    method: 'GET',
    path: '/exports/{id}',
    operation: 'audit.export.read',
    patientScoped: false,
    request: async () => ({ path: `/exports/${UNKNOWN}` }),
    permitted: same(404),
  },
  ...(['identity', 'consent', 'records', 'audit', 'claims'] as const).flatMap((service): Route[] => [
    {
      service,
      method: 'GET',
      path: '/admin/read-models',
      operation: 'admin.read-models',
      patientScoped: false,
      request: async () => ({ path: '/admin/read-models' }),
      permitted: same(200),
    },
    {
      service,
      method: 'POST',
      path: '/admin/read-models/{name}/rebuild',
      operation: 'admin.read-models',
      patientScoped: false,
      request: async () => ({ path: '/admin/read-models/no-such-model/rebuild' }),
      permitted: same(404),
    },
  ]),
];

// Not about authorisation: open to anyone, documented for completeness.
const PUBLIC = new Set(['GET /health/live', 'GET /health/ready', 'GET /openapi.json', 'GET /docs']);

interface Cell {
  readonly role: string;
  readonly relationship: Relationship;
  readonly organisation: string;
  /** A service identity bound to the patient of the cell (self) or to another patient (other), as audit's exports mint it. */
  readonly bound?: true;
}

const STAFF_ROLES = ROLES.filter((r) => r !== 'patient');

function cellsOf(route: Route): Cell[] {
  const staff = STAFF_ROLES.flatMap((role) =>
    route.patientScoped
      ? [
          { role, relationship: 'custodian' as const, organisation: CUSTODIAN },
          { role, relationship: 'other' as const, organisation: OTHER_ORG },
        ]
      : [{ role, relationship: 'custodian' as const, organisation: CUSTODIAN }],
  );
  // A route about no patient in particular (an unknown review or event, a read model) takes a patient's token as its own.
  const patients: Cell[] = route.patientScoped
    ? [
        { role: 'patient', relationship: 'self', organisation: 'patients' },
        { role: 'patient', relationship: 'other', organisation: 'patients' },
      ]
    : [{ role: 'patient', relationship: 'self', organisation: 'patients' }];
  const bound: Cell[] = route.patientScoped
    ? [
        { role: 'service', relationship: 'self', organisation: 'carechain', bound: true },
        { role: 'service', relationship: 'other', organisation: 'carechain', bound: true },
      ]
    : [{ role: 'service', relationship: 'self', organisation: 'carechain', bound: true }];
  return [...staff, ...patients, ...bound];
}

describe('authorisation matrix', () => {
  let w: AuthWorld;
  let shared: Target;
  let otherPatient: string;

  beforeAll(async () => {
    w = await startAuthWorld();
    const patientId = await registerPatient(w);
    shared = { patientId, recordId: await writeRecord(w, patientId) };
    otherPatient = await registerPatient(w);
  });

  afterAll(async () => w?.stop());

  it('has rows for every endpoint the services document', async () => {
    const documented: string[] = [];
    for (const service of ['identity', 'consent', 'records', 'audit', 'claims'] as const) {
      const doc = (await (await fetch(`${w[service].url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
      for (const [path, ops] of Object.entries(doc.paths)) for (const method of Object.keys(ops)) documented.push(`${service} ${method.toUpperCase()} ${path}`);
    }
    const covered = new Set(ROUTES.map((r) => `${r.service} ${r.method} ${r.path}`));
    const missing = documented.filter((d) => !covered.has(d) && !PUBLIC.has(d.slice(d.indexOf(' ') + 1)));
    expect(missing).toEqual([]);
    expect(Object.keys(ACCESS_POLICY).filter((op) => !ROUTES.some((r) => r.operation === op))).toEqual([]);
  });

  for (const route of ROUTES) {
    it(`${route.service} ${route.method} ${route.path}`, async () => {
      const answered: string[] = [];
      const expected: string[] = [];
      for (const cell of cellsOf(route)) {
        const allowed = isPermitted(route.operation, [cell.role], cell.relationship);
        let target = shared;
        if (route.destructive && allowed) {
          const patientId = await registerPatient(w);
          target = { patientId, recordId: shared.recordId };
        }
        const patientOfCell = cell.relationship === 'self' ? target.patientId : otherPatient;
        const bearer =
          cell.bound === true
            ? await boundServiceToken(patientOfCell)
            : cell.role === 'patient'
              ? await patientToken(patientOfCell)
              : await as(cell.role, cell.organisation);
        const { path, body } = await route.request(target, w);
        const res = await call(w[route.service].url, route.method, path, bearer, body);
        const label = `${cell.role}${cell.bound ? ' bound' : ''}/${cell.relationship}`;
        answered.push(`${label}: ${res.status}`);
        expected.push(`${label}: ${allowed ? route.permitted(cell.role, cell.relationship) : 403}`);
      }
      expect(answered).toEqual(expected);
    });
  }
});
