import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { createEvent, GRANT_GRANTED_V1, GRANT_REVOKED_V1, validateEvent, type KeysIssuedV1 } from '@carechain/contracts';
import { commit, generatePatientKeyVersion, LocalKeyringKms, wrapPatientKeyVersion } from '@carechain/crypto';
import {
  type ConsentLedger,
  type GrantEndOutcome,
  grantKeyOf,
  type GrantRegistration,
  grantScopeBytes,
  type GrantTransition,
} from '@carechain/ledger-chaincode-api';
import { StaticSaltProvider } from '@carechain/ledger-merkle';
import type { ConsumedRecord } from '@carechain/messaging';
import { PatientKeyTable } from '@carechain/patient-keys';
import { createLogger } from '@carechain/telemetry';
import { ConsentRegistrationHandler } from './consent-registration.handler';
import { PatientSaltProvider } from './patient-salt.provider';

const patientId = '6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f';
const grantId = '9a1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f';

/** The chain as the contract keeps it: records under their grant key, nothing else. */
class FakeConsentLedger implements ConsentLedger {
  readonly grants = new Map<string, GrantRegistration & { ended?: GrantTransition; endedBy?: string }>();
  async register(g: GrantRegistration) {
    if (this.grants.has(g.grantKey)) return false;
    this.grants.set(g.grantKey, g);
    return true;
  }
  async end(grantKey: string, t: GrantTransition, _at: string, eventCommitment: string): Promise<GrantEndOutcome> {
    const g = this.grants.get(grantKey);
    if (!g) return 'unknown';
    if (g.ended) return 'already-ended';
    g.ended = t;
    g.endedBy = eventCommitment;
    return 'ended';
  }
}

async function keysWithPatient() {
  const kms = await LocalKeyringKms.open(join(mkdtempSync(join(tmpdir(), 'ck-')), 'k.json'), { createIfMissing: true });
  const table = new PatientKeyTable(kms);
  const issued: KeysIssuedV1 = { patientId, versions: [await wrapPatientKeyVersion(kms, patientId, generatePatientKeyVersion(1))] };
  await table.put(issued);
  return {
    table,
    rotate: async () => table.put({ patientId, versions: [...issued.versions, await wrapPatientKeyVersion(kms, patientId, generatePatientKeyVersion(2))] }),
  };
}

function consumed(type: string, data: unknown): ConsumedRecord {
  const event = validateEvent(createEvent({ type, source: '/test', subject: patientId, data }));
  return { topic: 'consent.grant.v1', partition: 0, offset: '0', key: patientId, value: Buffer.alloc(0), event, traceContext: ROOT_CONTEXT };
}

const batch = (records: ConsumedRecord[]) => ({ topic: 'consent.grant.v1', partition: 0, records, lastOffset: '0' });

const granted = (id = grantId, organisation = 'hospital-b') => ({
  grantId: id,
  patientId,
  grantee: { organisation },
  categories: ['conditions', 'allergies'],
  purposes: ['TREAT'],
  validFrom: '2026-01-01T00:00:00.000Z',
  grantedBy: { kind: 'patient', subject: patientId, signed: false },
});
const revoked = (id = grantId) => ({
  grantId: id,
  patientId,
  revokedAt: '2026-02-01T00:00:00.000Z',
  revokedBy: { kind: 'patient', subject: patientId, signed: false },
});

describe('consent state on the chain', () => {
  it('registers a grant under its grant key as per-grant commitments under the patient salt, once, and ends it once', async () => {
    const { table: keys } = await keysWithPatient();
    const ledger = new FakeConsentLedger();
    const handler = new ConsentRegistrationHandler(ledger, keys, createLogger('t', 'silent'));
    const event = consumed(GRANT_GRANTED_V1, granted());
    await handler.handle(batch([event, consumed(GRANT_GRANTED_V1, granted())]));
    const salt = keys.current(patientId)!.salt;
    expect([...ledger.grants.keys()]).toEqual([commit(salt, `grant:${grantId}`)]);
    const onChain = ledger.grants.get(grantKeyOf(salt, grantId))!;
    expect(onChain).toEqual({
      grantKey: commit(salt, `grant:${grantId}`),
      patientCommitment: commit(salt, `grant-patient:${grantId}:${patientId}`),
      scopeCommitment: commit(salt, `grant-scope:${grantId}:${grantScopeBytes({ categories: ['allergies', 'conditions'], purposes: ['TREAT'] })}`),
      granteeCommitment: commit(salt, `grant-grantee:${grantId}:hospital-b`),
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: null,
      eventCommitment: commit(salt, `grant-event:${grantId}:${event.event.id}`),
    });
    const revocation = consumed(GRANT_REVOKED_V1, revoked());
    await handler.handle(batch([revocation, revocation]));
    expect(onChain).toMatchObject({ ended: 'revoke', endedBy: commit(salt, `grant-event:${grantId}:${revocation.event.id}`) });
  });

  it("leaves no value repeated across one patient's grants, and none equal to an id that travels on Kafka", async () => {
    const { table: keys } = await keysWithPatient();
    const ledger = new FakeConsentLedger();
    const ids = ['1a1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f', '2a1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f', '3a1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f'];
    // Same grantee, same scope, same window: only per-grant derivation keeps the records apart.
    const events = ids.map((id) => consumed(GRANT_GRANTED_V1, granted(id)));
    await new ConsentRegistrationHandler(ledger, keys, createLogger('t', 'silent')).handle(batch(events));
    const records = [...ledger.grants.values()];
    expect(records).toHaveLength(3);
    const identifying = records.flatMap(({ validFrom: _from, validUntil: _until, ...rest }) => Object.values(rest));
    expect(new Set(identifying).size).toBe(identifying.length);
    const onKafka = [patientId, 'hospital-b', ...ids, ...events.map((e) => e.event.id)];
    expect(identifying.filter((v) => onKafka.some((id) => String(v).includes(id)))).toEqual([]);
  });

  it('ends a grant registered before a salt rotation under the salt it was registered with', async () => {
    const { table: keys, rotate } = await keysWithPatient();
    const ledger = new FakeConsentLedger();
    const handler = new ConsentRegistrationHandler(ledger, keys, createLogger('t', 'silent'));
    await handler.handle(batch([consumed(GRANT_GRANTED_V1, granted())]));
    await rotate();
    expect(keys.current(patientId)!.version).toBe(2);
    await handler.handle(batch([consumed(GRANT_REVOKED_V1, revoked())]));
    expect(ledger.grants.get(grantKeyOf(keys.version(patientId, 1)!.salt, grantId))!.ended).toBe('revoke');
    expect(ledger.grants.size).toBe(1);
  });

  it('does not register a grant of a patient whose keys were shredded', async () => {
    const { table: keys } = await keysWithPatient();
    keys.shred(patientId);
    const ledger = new FakeConsentLedger();
    await new ConsentRegistrationHandler(ledger, keys, createLogger('t', 'silent')).handle(batch([consumed(GRANT_GRANTED_V1, granted())]));
    expect(ledger.grants.size).toBe(0);
  });
});

describe('PatientSaltProvider', () => {
  const service = new StaticSaltProvider(Buffer.alloc(32, 9), 'service-v1');

  it("uses the patient's current salt, naming its version", async () => {
    const { table: keys } = await keysWithPatient();
    const salt = await new PatientSaltProvider(keys, service, 50).saltFor(patientId);
    expect(salt).toEqual({ salt: keys.current(patientId)!.salt, keyVersion: 'patient:v1' });
  });

  it('falls back to the service key without a subject, for a non-patient subject, and after erasure', async () => {
    const { table: keys } = await keysWithPatient();
    const provider = new PatientSaltProvider(keys, service, 50);
    expect((await provider.saltFor(undefined)).keyVersion).toBe('service-v1');
    expect((await provider.saltFor('claim-42')).keyVersion).toBe('service-v1');
    expect((await provider.saltFor('00000000-0000-4000-8000-000000000000')).keyVersion).toBe('service-v1');
    keys.shred(patientId);
    expect((await provider.saltFor(patientId)).keyVersion).toBe('service-v1');
  });

  it('waits for a missing key once per subject, not once per event or per batch', async () => {
    const { table: keys } = await keysWithPatient();
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
