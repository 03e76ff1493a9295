// What the patient-controlled-data scenarios share: identity, consent, records, audit
// and ledger-writer running on the real Kafka, Redis and Fabric; tokens for the people
// in them; and the helpers every scenario uses. Each scenario file starts its own
// services and registers its own patients, so each runs alone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from '../support/api';
import { channelBlocks } from '../support/control';
import { testPatient, type TestPatient } from '../support/patients';
import { eventually, startServiceProcess, type ServiceProcess } from '../support/service-process';
import { token } from '../support/tokens';

export const repoRoot = join(__dirname, '..', '..', '..', '..');

export const condition = (patientId: string) => ({
  resourceType: 'Condition',
  subject: { reference: `Patient/${patientId}` },
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' }] },
});
export const chargeItem = (patientId: string) => ({
  resourceType: 'ChargeItem',
  status: 'billable',
  code: { coding: [{ system: 'http://snomed.info/sct', code: '185349003', display: 'Encounter for check up' }] },
  subject: { reference: `Patient/${patientId}` },
});

export interface PcdWorld {
  readonly identity: ServiceProcess;
  readonly consent: ServiceProcess;
  readonly records: ServiceProcess;
  readonly audit: ServiceProcess;
  readonly writer: ServiceProcess;
  /** Tokens: registrarA/B, doctorA/B, payerC, auditor, dpo (hospital-a is the custodian). */
  readonly t: Readonly<Record<'registrarA' | 'registrarB' | 'doctorA' | 'doctorB' | 'payerC' | 'auditor' | 'dpo', string>>;
  /** Every name, birth date and identifier the scenario registered: none may leave identity. */
  readonly phi: string[];
  registerNew(p?: TestPatient): Promise<string>;
  write(patientId: string, resource: unknown): Promise<string>;
  read(recordId: string, bearer: string, purpose?: string, headers?: Record<string, string>): ReturnType<typeof call>;
  /** The scenario's PHI, found in no service's log and in no block of the channel. */
  leaked(): Promise<{ logs: string[]; blocks: string[]; checked: number }>;
  stop(): Promise<void>;
}

export async function startPcdWorld(): Promise<PcdWorld> {
  const [identity, consent, records, audit, writer] = await Promise.all(
    ['identity', 'consent', 'records', 'audit', 'ledger-writer'].map((s) => startServiceProcess(s)),
  );
  const t = {
    registrarA: await token({ sub: 'clerk-a', roles: ['registrar'], org: 'hospital-a' }),
    registrarB: await token({ sub: 'clerk-b', roles: ['registrar'], org: 'clinic-b' }),
    doctorA: await token({ sub: 'dr-a', roles: ['clinician'], org: 'hospital-a' }),
    doctorB: await token({ sub: 'dr-b', roles: ['clinician'], org: 'clinic-b' }),
    payerC: await token({ sub: 'payer-c', roles: ['payer'], org: 'insurer-c' }),
    auditor: await token({ sub: 'auditor-1', roles: ['auditor'], org: 'hospital-a' }),
    dpo: await token({ sub: 'dpo-1', roles: ['privacy-officer'], org: 'hospital-a' }),
  };
  const phi: string[] = [];
  const services = [identity!, consent!, records!, audit!, writer!];
  return {
    identity: identity!,
    consent: consent!,
    records: records!,
    audit: audit!,
    writer: writer!,
    t,
    phi,
    async registerNew(p = testPatient()) {
      phi.push(...p.phi);
      const res = await call<{ id: string; outcome: string }>(identity!.url, 'POST', '/patients', t.registrarA, p.body);
      if (res.status !== 201) throw new Error(`registration answered ${res.status}`);
      return res.body.id;
    },
    async write(patientId, resource) {
      const res = await eventually('the records service to know the patient', async () => {
        const r = await call<{ recordId: string }>(records!.url, 'POST', `/patients/${patientId}/records`, t.doctorA, resource);
        return r.status === 404 ? undefined : r;
      });
      if (res.status !== 201) throw new Error(`writing a record answered ${res.status}`);
      return res.body.recordId;
    },
    read: (recordId, bearer, purpose = 'TREAT', headers = {}) =>
      call(records!.url, 'GET', `/records/${recordId}?purpose=${purpose}`, bearer, undefined, headers),
    async leaked() {
      const logs = services.map((s) => s.logs()).join('\n');
      const blocks = Buffer.concat(await channelBlocks());
      const distinct = [...new Set(phi)].filter((s) => s.length >= 5);
      return { logs: distinct.filter((s) => logs.includes(s)), blocks: distinct.filter((s) => blocks.includes(Buffer.from(s))), checked: distinct.length };
    },
    stop: async () => void (await Promise.all(services.map((s) => s.stop()))),
  };
}

export function writeTemp(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'carechain-e2e-')), 'file.json');
  writeFileSync(file, content);
  return file;
}

/**
 * A scenario file's one describe: its own services (started before, stopped after), its
 * tests, and the check every scenario ends with — none of its patients' names, birth
 * dates or identifiers in any service's log or in the channel's blocks.
 */
export function scenario(title: string, tests: (world: () => PcdWorld) => void): void {
  describe(title, () => {
    let w: PcdWorld | undefined;
    beforeAll(async () => {
      w = await startPcdWorld();
    });
    afterAll(async () => w?.stop());

    tests(() => w!);

    it('leaves no name, birth date or identifier of its patients in the logs or in the channel’s blocks', async () => {
      const leaked = await w!.leaked();
      expect(leaked.checked).toBeGreaterThan(0);
      expect({ logs: leaked.logs, blocks: leaked.blocks }).toEqual({ logs: [], blocks: [] });
    });
  });
}
