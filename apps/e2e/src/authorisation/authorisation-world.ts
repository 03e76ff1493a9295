// What the authorisation specs share: the four services that hold patient data,
// tokens for any role at any organisation, and patients registered at hospital-a
// (the custodian) with a record written by its clinician.
import { generateKeyPairSync } from 'node:crypto';
import { call } from '../support/api';
import { testPatient } from '../support/patients';
import { eventually, startServiceProcess, type ServiceProcess } from '../support/service-process';
import { exportEnv } from '../support/audit-exports';
import { token } from '../support/tokens';

export const CUSTODIAN = 'hospital-a';
export const OTHER_ORG = 'clinic-b';

export interface AuthWorld {
  readonly identity: ServiceProcess;
  readonly consent: ServiceProcess;
  readonly records: ServiceProcess;
  readonly audit: ServiceProcess;
  readonly claims: ServiceProcess;
  stop(): Promise<void>;
}

export async function startAuthWorld(): Promise<AuthWorld> {
  const [identity, consent, records, claims] = (await Promise.all(['identity', 'consent', 'records', 'claims'].map((s) => startServiceProcess(s)))) as [
    ServiceProcess,
    ServiceProcess,
    ServiceProcess,
    ServiceProcess,
  ];
  // audit's exports ask the others, so it starts once they answer.
  const audit = await startServiceProcess('audit', exportEnv({ identity, consent, records, claims }));
  const all = [identity, consent, records, audit, claims];
  return { identity, consent, records, audit, claims, stop: async () => void (await Promise.all(all.map((s) => s.stop()))) };
}

/** audit's own service identity as its exports mint it: role service, bound to one patient, for PATRQT. */
export const boundServiceToken = (patientId: string) =>
  token({ sub: 'carechain-audit', roles: ['service'], org: 'carechain', patient: patientId, purposes: ['PATRQT'] });

const tokens = new Map<string, Promise<string>>();
/** A token for `sub` with one role at `org`, minted once per combination. */
export function as(role: string, org: string, sub = `${role}@${org}`): Promise<string> {
  const key = `${role}|${org}|${sub}`;
  if (!tokens.has(key)) tokens.set(key, token({ sub, roles: [role], org }));
  return tokens.get(key)!;
}

export const patientToken = (patientId: string) => as('patient', 'patients', patientId);

/** Registers a new patient at `org` and waits until consent and records know them. */
export async function registerPatient(world: AuthWorld, org = CUSTODIAN): Promise<string> {
  const p = testPatient();
  p.body.identifiers[0]!.system = `urn:carechain:mrn:${org}`;
  const res = await call<{ id: string }>(world.identity.url, 'POST', '/patients', await as('registrar', org), p.body);
  if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export const condition = (patientId: string) => ({
  resourceType: 'Condition',
  subject: { reference: `Patient/${patientId}` },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' }] },
});

/** A record of the patient written by the custodian's clinician (waits for the replicas to know the patient). */
export async function writeRecord(world: AuthWorld, patientId: string, org = CUSTODIAN): Promise<string> {
  const doctor = await as('clinician', org);
  const res = await eventually('records to know the patient and accept a write', async () => {
    const r = await call<{ recordId: string }>(world.records.url, 'POST', `/patients/${patientId}/records`, doctor, condition(patientId));
    return r.status === 201 ? r : undefined;
  });
  return res.body.recordId;
}

/** A grant of `patientId` recorded by the custodian's registrar, once consent knows the patient. */
export async function grant(world: AuthWorld, patientId: string, body: Record<string, unknown> = {}): Promise<string> {
  const desk = await as('registrar', CUSTODIAN);
  const res = await eventually('consent to record the grant', async () => {
    const r = await call<{ grantId: string }>(world.consent.url, 'POST', '/consents', desk, {
      patientId,
      grantee: { organisation: 'clinic-z' },
      categories: ['conditions'],
      purposes: ['TREAT'],
      ...body,
    });
    return r.status === 201 ? r : undefined;
  });
  return res.body.grantId;
}

export function ed25519Jwk(): { kty: string; crv: string; x: string } {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
}
