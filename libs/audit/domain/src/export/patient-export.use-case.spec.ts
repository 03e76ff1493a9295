import type { ServiceCredentials, ServiceTokenRequest } from '@carechain/auth';
import { PATIENT_EXPORTED_V1, Topics } from '@carechain/contracts';
import { RecordingPublisher } from '@carechain/messaging/testing';
import { validateCollectionBundle } from '@carechain/records-fhir';
import { AuditAccessError } from '../audit-access.error';
import { ReadAccessReportUseCase } from '../report/read-access-report.use-case';
import { AuditWorld, CLINIC, CUSTODIAN } from '../testing/audit-world';
import { ExportSourceError, type ConsentGrantView, type PatientDataSources, type PatientDemographics } from './export-sources.port';
import type { ExportedResource, ExportStore, PatientExport } from './patient-export';
import { PatientExportUseCase, type PatientStanding } from './patient-export.use-case';

const NOW = new Date('2026-06-01T12:00:00Z');
const GRANT = '11111111-1111-4111-8111-111111111111';
const RECORD = '22222222-2222-4222-8222-222222222222';

class MemoryExportStore implements ExportStore {
  readonly saved = new Map<string, { state: PatientExport; ttl: number }>();
  async save(state: PatientExport, ttl: number): Promise<void> {
    this.saved.set(state.exportId, { state: structuredClone(state), ttl });
  }
  async get(id: string): Promise<PatientExport | undefined> {
    return this.saved.get(id)?.state;
  }
}

class RecordingCredentials implements ServiceCredentials {
  readonly asked: ServiceTokenRequest[] = [];
  async tokenFor(request: ServiceTokenRequest) {
    this.asked.push(request);
    return { token: `token-for-${request.patientId}`, expiresAt: new Date(NOW.getTime() + 60_000) };
  }
}

function sourcesFor(patientId: string, failWith?: ExportSourceError): PatientDataSources & { tokens: string[] } {
  const tokens: string[] = [];
  const condition = (version: string, status: string): ExportedResource => ({
    resourceType: 'Condition',
    id: RECORD,
    meta: { versionId: version },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: status }] },
    code: { text: 'asthma' },
    subject: { reference: `Patient/${patientId}` },
  });
  return {
    tokens,
    async demographics(id, token): Promise<PatientDemographics> {
      tokens.push(token);
      if (failWith) throw failWith;
      return {
        id,
        custodian: CUSTODIAN,
        demographics: {
          name: { given: ['Ada'], family: 'Lovelace' },
          birthDate: '1815-12-10',
          gender: 'female',
          telecom: [{ system: 'email', value: 'ada@example.org' }],
        },
        identifiers: [{ system: 'urn:carechain:mrn:hospital-a', value: 'MRN-1' }],
      };
    },
    async consents(_id, token): Promise<readonly ConsentGrantView[]> {
      tokens.push(token);
      return [
        {
          grantId: GRANT,
          grantee: { organisation: CLINIC },
          categories: ['conditions'],
          purposes: ['TREAT'],
          validFrom: '2026-01-01T00:00:00Z',
          grantedAt: '2026-01-01T00:00:00Z',
          grantedBy: { kind: 'patient', subject: patientId, signed: false },
          status: 'revoked',
          revokedAt: '2026-02-01T00:00:00Z',
        },
      ];
    },
    async recordVersions(_id, token) {
      tokens.push(token);
      return [condition('2', 'resolved'), condition('1', 'active')];
    },
    async claims(_id, token) {
      tokens.push(token);
      return [
        {
          resourceType: 'Coverage',
          id: '33333333-3333-4333-8333-333333333333',
          status: 'active',
          beneficiary: { reference: `Patient/${patientId}` },
          payor: [{ reference: 'Organization/payer-c' }],
        },
      ];
    },
  };
}

describe('PatientExportUseCase', () => {
  let world: AuditWorld;
  let store: MemoryExportStore;
  let credentials: RecordingCredentials;
  let patientId: string;
  let standing: PatientStanding;
  let publisher: RecordingPublisher;
  const me = () => ({ subject: patientId, organisation: CUSTODIAN, roles: ['patient'] });
  const useCase = (sources: PatientDataSources | undefined = sourcesFor(patientId)) =>
    new PatientExportUseCase({
      store,
      trail: world.store,
      oversight: world.oversight,
      standing: () => standing,
      publisher,
      ...(sources && { sources }),
      credentials,
      ttlSeconds: 3600,
      now: () => new Date(NOW),
    });

  beforeEach(() => {
    world = new AuditWorld();
    store = new MemoryExportStore();
    credentials = new RecordingCredentials();
    patientId = world.registerPatient(CUSTODIAN, new Date('2026-01-01T00:00:00Z'));
    standing = 'known';
    publisher = new RecordingPublisher();
    // As audit's trail consumes audit.export.v1.
    publisher.onPublish(({ topic, event }) => world.publish(topic, event));
  });

  it('assembles one valid FHIR collection Bundle from every service and the trail, with a token bound to the patient', async () => {
    world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date('2026-01-15T10:00:00Z'), grantId: GRANT, categories: ['conditions'] });
    const sources = sourcesFor(patientId);
    const exports = useCase(sources);
    const started = await exports.start(patientId, me());
    expect(started).toMatchObject({ patientId, status: 'running', requestedBy: { subject: patientId, organisation: CUSTODIAN } });
    await exports.settled();

    const ready = await exports.read(started.exportId, me());
    expect(ready.status).toBe('ready');
    expect(credentials.asked).toEqual([{ patientId, purposes: ['PATRQT'] }]);
    expect(new Set(sources.tokens)).toEqual(new Set([`token-for-${patientId}`]));
    expect(store.saved.get(started.exportId)?.ttl).toBe(3600);
    const validation = validateCollectionBundle(ready.bundle);
    expect(validation).toEqual({ ok: true, counts: { Patient: 1, Condition: 2, Consent: 1, Coverage: 1, AuditEvent: 2 } });
    const resources = ready.bundle!.entry.map((e) => e.resource);
    expect(resources.find((r) => r.resourceType === 'Consent')).toMatchObject({
      id: GRANT,
      status: 'inactive',
      provision: { period: { start: '2026-01-01T00:00:00Z', end: '2026-02-01T00:00:00Z' } },
    });
    expect(resources.filter((r) => r.resourceType === 'Condition').map((r) => (r.meta as { versionId: string }).versionId)).toEqual(['2', '1']);

    // The delivery is an event of the patient's trail: who asked, which export, how much.
    expect(publisher.published.map((p) => [p.topic, p.key, p.event.type, p.event.subject, p.event.actor])).toEqual([
      [Topics.auditExport, patientId, PATIENT_EXPORTED_V1, patientId, patientId],
    ]);
    const trail = await world.store.page({ kind: 'patient', patientId }, { limit: 100 });
    expect(trail.entries.find((e) => e.type === PATIENT_EXPORTED_V1)?.details).toEqual({
      exportId: started.exportId,
      resources: ['Patient:1', 'Condition:2', 'Consent:1', 'Coverage:1', 'AuditEvent:2'],
    });
    const report = await new ReadAccessReportUseCase(world.store, world.oversight, () => NOW).forPatient(patientId, me(), { limit: 100 });
    expect(report.lines.at(-1)).toMatchObject({
      kind: 'shared',
      text: `You received a copy of everything carechain holds about you (export ${started.exportId}).`,
    });
  });

  it('lets only whoever started it read it, and says nothing to anyone else', async () => {
    const exports = useCase();
    const { exportId } = await exports.start(patientId, me());
    await exports.settled();
    const other = { subject: 'someone-else', organisation: CUSTODIAN, roles: ['patient'] };
    await expect(exports.read(exportId, other)).rejects.toMatchObject({ code: 'export-not-found' });
    await expect(exports.read('00000000-0000-4000-8000-000000000000', me())).rejects.toMatchObject({ code: 'export-not-found' });
  });

  it("refuses another patient's token, staff of another organisation, an erased or unknown patient, and a deployment without a service identity", async () => {
    await expect(useCase().start(patientId, { subject: 'p-other', organisation: CUSTODIAN, roles: ['patient'] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(useCase().start(patientId, { subject: 'dpo', organisation: CLINIC, roles: ['privacy-officer'] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(useCase().start(patientId, { subject: 'dpo', organisation: CUSTODIAN, roles: ['privacy-officer'] })).resolves.toMatchObject({
      status: 'running',
    });
    standing = 'erased';
    await expect(useCase().start(patientId, me())).rejects.toMatchObject({ code: 'patient-erased' });
    standing = 'unknown';
    await expect(useCase().start(patientId, me())).rejects.toMatchObject({ code: 'patient-not-found' });
    standing = 'known';
    const unconfigured = new PatientExportUseCase({
      store,
      trail: world.store,
      oversight: world.oversight,
      standing: () => 'known',
      publisher,
      ttlSeconds: 60,
    });
    await expect(unconfigured.start(patientId, me())).rejects.toBeInstanceOf(AuditAccessError);
    await expect(unconfigured.start(patientId, me())).rejects.toMatchObject({ code: 'export-unavailable' });
  });

  it('is never delivered unless the trail is told: a publish that fails fails the export', async () => {
    publisher.failure = new Error('broker away');
    const exports = useCase();
    const { exportId } = await exports.start(patientId, me());
    await exports.settled();
    expect(store.saved.get(exportId)?.state).toMatchObject({ status: 'failed', failure: 'broker away' });
  });

  it('fails the export with the refusing service and its status, never half a bundle', async () => {
    const exports = useCase(
      sourcesFor(patientId, new ExportSourceError('identity', 'answered 410 https://carechain.dev/problems/identity/patient-erased', 410)),
    );
    const { exportId } = await exports.start(patientId, me());
    await exports.settled();
    expect(store.saved.get(exportId)?.state).toMatchObject({ status: 'failed', failure: expect.stringContaining('identity: answered 410') });
    expect(store.saved.get(exportId)?.state.bundle).toBeUndefined();
    expect(publisher.published).toEqual([]);
    await expect(exports.read(exportId, me())).rejects.toMatchObject({ code: 'export-failed' });
  });
});
