import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { createEvent, GRANT_GRANTED_V1, GRANT_REVOKED_V1, validateEvent, type KeysIssuedV1 } from '@carechain/contracts';
import { commit, generatePatientKeyVersion, LocalKeyringKms, wrapPatientKeyVersion } from '@carechain/crypto';
import { StaticSaltProvider } from '@carechain/ledger-merkle';
import type { ConsumedRecord } from '@carechain/messaging';
import { PatientKeyTable } from '@carechain/patient-keys';
import { createLogger } from '@carechain/telemetry';
import type { ConsentLedger, GrantRegistration, GrantTransition } from './consent-ledger.port';
import { ConsentRegistrationHandler, grantScopeBytes } from './consent-registration.handler';
import { PatientSaltProvider } from './patient-salt.provider';

const patientId = '6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f';
const grantId = '9a1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f';

class FakeConsentLedger implements ConsentLedger {
  readonly grants = new Map<string, GrantRegistration & { ended?: GrantTransition }>();
  async register(g: GrantRegistration) {
    if (this.grants.has(g.grantId)) return false;
    this.grants.set(g.grantId, g);
    return true;
  }
  async end(id: string, t: GrantTransition) {
    const g = this.grants.get(id);
    if (!g || g.ended) return false;
    g.ended = t;
    return true;
  }
}

async function keysWithPatient() {
  const kms = await LocalKeyringKms.open(join(mkdtempSync(join(tmpdir(), 'ck-')), 'k.json'), { createIfMissing: true });
  const table = new PatientKeyTable(kms);
  const issued: KeysIssuedV1 = { patientId, versions: [await wrapPatientKeyVersion(kms, patientId, generatePatientKeyVersion(1))] };
  await table.put(issued);
  return table;
}

function consumed(type: string, data: unknown): ConsumedRecord {
  const event = validateEvent(createEvent({ type, source: '/test', subject: patientId, data }));
  return { topic: 'consent.grant.v1', partition: 0, offset: '0', key: patientId, value: Buffer.alloc(0), event, traceContext: ROOT_CONTEXT };
}

const granted = {
  grantId,
  patientId,
  grantee: { organisation: 'hospital-b' },
  categories: ['conditions', 'allergies'],
  purposes: ['TREAT'],
  validFrom: '2026-01-01T00:00:00.000Z',
  grantedBy: { kind: 'patient', subject: patientId, signed: false },
};

describe('consent state on the chain', () => {
  it('registers a grant as commitments under the patient salt, once, and ends it once', async () => {
    const keys = await keysWithPatient();
    const ledger = new FakeConsentLedger();
    const handler = new ConsentRegistrationHandler(ledger, keys, createLogger('t', 'silent'));
    const batch = (records: ConsumedRecord[]) => ({ topic: 'consent.grant.v1', partition: 0, records, lastOffset: '0' });
    await handler.handle(batch([consumed(GRANT_GRANTED_V1, granted), consumed(GRANT_GRANTED_V1, granted)]));
    const onChain = ledger.grants.get(grantId)!;
    const salt = keys.current(patientId)!.salt;
    expect(onChain.patientCommitment).toBe(commit(salt, `patient:${patientId}`));
    expect(onChain.scopeCommitment).toBe(commit(salt, grantScopeBytes({ categories: ['allergies', 'conditions'], purposes: ['TREAT'], grantee: { organisation: 'hospital-b' } })));
    expect(JSON.stringify(onChain)).not.toContain(patientId);
    await handler.handle(batch([consumed(GRANT_REVOKED_V1, { grantId, patientId, revokedAt: '2026-02-01T00:00:00.000Z', revokedBy: { kind: 'patient', subject: patientId, signed: false } })]));
    expect(onChain.ended).toBe('revoke');
  });

  it('does not register a grant of a patient whose keys were shredded', async () => {
    const keys = await keysWithPatient();
    keys.shred(patientId);
    const ledger = new FakeConsentLedger();
    await new ConsentRegistrationHandler(ledger, keys, createLogger('t', 'silent')).handle({ topic: 'consent.grant.v1', partition: 0, records: [consumed(GRANT_GRANTED_V1, granted)], lastOffset: '0' });
    expect(ledger.grants.size).toBe(0);
  });
});

describe('PatientSaltProvider', () => {
  const service = new StaticSaltProvider(Buffer.alloc(32, 9), 'service-v1');

  it("uses the patient's current salt, naming its version", async () => {
    const keys = await keysWithPatient();
    const salt = await new PatientSaltProvider(keys, service, 50).saltFor(patientId);
    expect(salt).toEqual({ salt: keys.current(patientId)!.salt, keyVersion: 'patient:v1' });
  });

  it('falls back to the service key without a subject, for a non-patient subject, and after erasure', async () => {
    const keys = await keysWithPatient();
    const provider = new PatientSaltProvider(keys, service, 50);
    expect((await provider.saltFor(undefined)).keyVersion).toBe('service-v1');
    expect((await provider.saltFor('claim-42')).keyVersion).toBe('service-v1');
    expect((await provider.saltFor('00000000-0000-4000-8000-000000000000')).keyVersion).toBe('service-v1');
    keys.shred(patientId);
    expect((await provider.saltFor(patientId)).keyVersion).toBe('service-v1');
  });

  it('waits for a missing key once per subject, not once per event or per batch', async () => {
    const keys = await keysWithPatient();
    const provider = new PatientSaltProvider(keys, service, 300);
    const stranger = '00000000-0000-4000-8000-0000000000aa';
    const t0 = Date.now();
    await provider.saltFor(stranger);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    const t1 = Date.now();
    expect((await provider.saltFor(stranger)).keyVersion).toBe('service-v1');
    expect(Date.now() - t1).toBeLessThan(100);
  });
});
