// Patient-controlled data end to end, on the real Kafka, Redis and Fabric: one
// identity however often a person registers; records encrypted under the patient's
// key; reads decided by the patient's grants (revocation, expiry, break-glass,
// signed consent); every read audited and anchored; erasure by crypto-shredding.
import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { grantSigningPayload, type SealedPayload } from '@carechain/contracts';
import { LocalKeyringKms, openJson, unwrapPatientKeyVersion, type PatientKeyVersion } from '@carechain/crypto';
import { generatePopulation } from '@carechain/identity-mpi';
import { grantGranteeCommitment, grantKeyOf } from '@carechain/ledger-chaincode-api';
import { FabricConsentLedger, fabricConnectionFromNetworkFile } from '@carechain/ledger-fabric';
import { call } from './support/api';
import { channelBlocks } from './support/control';
import { readTopic } from './support/kafka-topics';
import { patientSalts } from './support/patient-salts';
import { testPatient, type TestPatient } from './support/patients';
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { testEnv } from './support/test-env';
import { token } from './support/tokens';
import { Redis } from 'ioredis';

const exec = promisify(execFile);
const repoRoot = join(__dirname, '..', '..', '..');

const condition = (patientId: string) => ({
  resourceType: 'Condition',
  subject: { reference: `Patient/${patientId}` },
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' }] },
});
const chargeItem = (patientId: string) => ({
  resourceType: 'ChargeItem',
  status: 'billable',
  code: { coding: [{ system: 'http://snomed.info/sct', code: '185349003', display: 'Encounter for check up' }] },
  subject: { reference: `Patient/${patientId}` },
});

describe('patient-controlled data', () => {
  let identity: ServiceProcess;
  let consent: ServiceProcess;
  let records: ServiceProcess;
  let audit: ServiceProcess;
  let writer: ServiceProcess;
  const t: Record<string, string> = {};
  const phi: string[] = [];

  beforeAll(async () => {
    [identity, consent, records, audit, writer] = await Promise.all(['identity', 'consent', 'records', 'audit', 'ledger-writer'].map((s) => startServiceProcess(s)));
    t.registrarA = await token({ sub: 'clerk-a', roles: ['registrar'], org: 'hospital-a' });
    t.registrarB = await token({ sub: 'clerk-b', roles: ['registrar'], org: 'clinic-b' });
    t.doctorA = await token({ sub: 'dr-a', roles: ['clinician'], org: 'hospital-a' });
    t.doctorB = await token({ sub: 'dr-b', roles: ['clinician'], org: 'clinic-b' });
    t.payerC = await token({ sub: 'payer-c', roles: ['payer'], org: 'insurer-c' });
    t.auditor = await token({ sub: 'auditor-1', roles: ['auditor'], org: 'hospital-a' });
    t.dpo = await token({ sub: 'dpo-1', roles: ['privacy-officer'], org: 'hospital-a' });
  });

  afterAll(async () => {
    await Promise.all([identity, consent, records, audit, writer].map((s) => s?.stop()));
  });

  async function registerNew(p: TestPatient = testPatient()): Promise<string> {
    phi.push(...p.phi);
    const res = await call<{ id: string; outcome: string }>(identity.url, 'POST', '/patients', t.registrarA!, p.body);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function write(patientId: string, resource: unknown): Promise<string> {
    const res = await eventually('the records service to know the patient', async () => {
      const r = await call<{ recordId: string }>(records.url, 'POST', `/patients/${patientId}/records`, t.doctorA!, resource);
      return r.status === 404 ? undefined : r;
    });
    expect(res.status).toBe(201);
    return res.body.recordId;
  }

  const read = (recordId: string, bearer: string, purpose = 'TREAT', headers: Record<string, string> = {}) => call(records.url, 'GET', `/records/${recordId}?purpose=${purpose}`, bearer, undefined, headers);

  it('MPI: a generated population with known duplicates is linked right over HTTP, and a re-registration returns the same id', async () => {
    const population = generatePopulation({ seed: Date.now() % 1_000_000, people: 150, duplicates: 60 });
    const idOf = new Map<string, string>();
    const tally = { rightLinks: 0, wrongLinks: 0, missed: 0, reviews: 0, falseMerges: 0 };
    for (const r of population) {
      // Identifiers only: common family names (Grant, Young, ...) are ordinary words a log may rightly contain.
      phi.push(...r.identifiers.map((i) => i.value));
      const res = await call<{ id?: string; outcome: string }>(identity.url, 'POST', '/patients', t.registrarA!, { demographics: r.demographics, identifiers: r.identifiers });
      expect([200, 201, 202]).toContain(res.status);
      const known = idOf.get(r.trueId);
      if (res.body.outcome === 'pending-review') tally.reviews += 1;
      else if (res.body.outcome === 'linked') {
        if (known === undefined) tally.falseMerges += 1;
        else if (res.body.id === known) tally.rightLinks += 1;
        else tally.wrongLinks += 1;
      } else {
        if (known !== undefined) tally.missed += 1;
        else idOf.set(r.trueId, res.body.id!);
      }
    }
    const duplicates = population.filter((r) => idOf.has(r.trueId) && r.duplicate).length;
    // Precision is what protects patients: never link two people. Recall: most duplicates found, the rest go to review.
    expect(tally.wrongLinks + tally.falseMerges).toBe(0);
    expect(tally.rightLinks).toBeGreaterThanOrEqual(Math.floor(duplicates * 0.9));
    expect(tally.missed).toBeLessThanOrEqual(Math.ceil(duplicates * 0.05));

    const first = population.find((r) => !r.duplicate)!;
    const again = await call<{ id: string; outcome: string }>(identity.url, 'POST', '/patients', t.registrarB!, { demographics: first.demographics, identifiers: first.identifiers });
    expect(again).toMatchObject({ status: 200, body: { outcome: 'linked', id: idOf.get(first.trueId) } });
    const reviews = await call<{ reviews: unknown[] }>(identity.url, 'GET', '/mpi/reviews', await token({ sub: 'steward', roles: ['data-steward'], org: 'hospital-a' }));
    expect(reviews.status).toBe(200);
    expect(reviews.body.reviews.length).toBeGreaterThanOrEqual(tally.reviews);
  });

  it('lets another organisation read exactly the granted categories, for the granted purpose, until revoked; every read is audited and anchored', async () => {
    const patientId = await registerNew();
    const conditionId = await write(patientId, condition(patientId));
    const billingId = await write(patientId, chargeItem(patientId));

    expect((await read(conditionId, t.doctorB!)).status).toBe(403);
    const grant = await call<{ grantId: string }>(consent.url, 'POST', '/consents', t.registrarA!, { patientId, grantee: { organisation: 'clinic-b' }, categories: ['conditions'], purposes: ['TREAT'] });
    expect(grant.status).toBe(201);

    const permitted = await eventually('the grant to reach records', async () => {
      const r = await read(conditionId, t.doctorB!);
      return r.status === 200 ? r : undefined;
    });
    expect(permitted.body).toMatchObject({ resourceType: 'Condition', id: conditionId });
    expect((await read(billingId, t.doctorB!)).status).toBe(403);
    expect((await read(conditionId, t.doctorB!, 'HPAYMT')).status).toBe(403);
    const search = await call<{ resourceType: string; type: string; total: number; entry: { resource: { id: string } }[] }>(records.url, 'GET', `/patients/${patientId}/records?purpose=TREAT`, t.doctorB!);
    expect(search.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(search.body.entry.filter((e) => e.resource.id).map((e) => e.resource.id)).toEqual([conditionId]);

    const revokedAt = Date.now();
    expect((await call(consent.url, 'POST', `/consents/${grant.body.grantId}/revoke`, t.registrarA!)).status).toBe(200);
    const denied = await eventually('the revocation to reach records', async () => {
      const r = await read(conditionId, t.doctorB!);
      return r.status === 403 ? r : undefined;
    }, 10_000, 20);
    const revocationDelayMs = Date.now() - revokedAt;
    expect(denied.body).toMatchObject({ reason: 'grant-revoked' });
    expect(revocationDelayMs).toBeLessThan(2_000);

    // ledger-writer put the grant and its revocation on the chain as commitments: any organisation's peer can check it.
    // A holder of the patient's salt finds the grant by its grant key; the record names no one.
    const salts = await patientSalts(patientId);
    const salt = salts.get(Math.max(...salts.keys()))!;
    const chain = new FabricConsentLedger(fabricConnectionFromNetworkFile(testEnv('CARECHAIN_TEST_FABRIC_NETWORK'), 'PayerOrg')!);
    try {
      const onChain = await eventually('the revocation on the chain', async () => {
        const g = await chain.getGrant(grantKeyOf(salt, grant.body.grantId));
        return g?.status === 'revoked' ? g : undefined;
      }, 30_000, 500);
      expect(onChain).toMatchObject({ granteeCommitment: grantGranteeCommitment(salt, grant.body.grantId, 'clinic-b'), patientCommitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
      for (const id of [patientId, grant.body.grantId, 'clinic-b']) expect(JSON.stringify(onChain)).not.toContain(id);
    } finally {
      chain.close();
    }

    // The accounting of disclosures: every read, with its decision, and each on the ledger.
    const trail = await eventually('the reads in audit', async () => {
      const r = await call<{ events: { eventId: string; type: string; details?: { decision?: string; denyReason?: string } }[] }>(audit.url, 'GET', `/audit/events?patient=${patientId}`, t.auditor!);
      const reads = r.body.events.filter((e) => e.type === 'carechain.records.access.decided.v1');
      return reads.length >= 6 && reads.some((e) => e.details?.denyReason === 'grant-revoked') ? reads : undefined;
    }, 20_000, 200);
    expect(trail.map((e) => e.details?.decision)).toEqual(expect.arrayContaining(['permit', 'deny']));
    expect(trail.some((e) => e.details?.denyReason === 'grant-revoked')).toBe(true);
    for (const e of trail) {
      const proof = await eventually(`a receipt for read ${e.eventId}`, async () => {
        const r = await call<{ verified: { inclusion: boolean } }>(audit.url, 'GET', `/audit/events/${e.eventId}/proof`, t.auditor!);
        return r.status === 200 ? r.body : undefined;
      }, 30_000, 250);
      expect(proof.verified.inclusion).toBe(true);
    }
  });

  it("lets patients read their own records, and nobody else's, and shows them who read theirs", async () => {
    const patientId = await registerNew();
    const conditionId = await write(patientId, condition(patientId));
    await write(patientId, chargeItem(patientId));
    const self = await token({ sub: patientId, roles: ['patient'], org: 'hospital-a' });
    const own = await call<{ type: string; total: number }>(records.url, 'GET', `/patients/${patientId}/records`, self);
    expect(own).toMatchObject({ status: 200, body: { type: 'searchset', total: 2 } });
    expect((await call(records.url, 'GET', `/records/${conditionId}`, self)).status).toBe(200);
    const stranger = await token({ sub: await registerNew(), roles: ['patient'], org: 'hospital-a' });
    expect(await call(records.url, 'GET', `/records/${conditionId}`, stranger)).toMatchObject({ status: 403, body: { reason: 'not-own-records' } });

    const trail = await eventually('the reads in the patient’s own audit trail', async () => {
      const r = await call<{ events: { type: string; actor?: string; details?: { decision?: string; basis?: string; denyReason?: string } }[] }>(audit.url, 'GET', `/audit/events?patient=${patientId}`, self);
      const reads = r.body.events.filter((e) => e.type === 'carechain.records.access.decided.v1');
      return reads.length >= 3 ? reads : undefined;
    }, 20_000, 200);
    expect(trail.map((e) => e.details?.basis ?? e.details?.denyReason).sort()).toEqual(['not-own-records', 'patient', 'patient']);
  });

  it('denies after a grant expires, permits break-glass and flags it for the patient, and refuses a badly signed grant', async () => {
    const patientId = await registerNew();
    const conditionId = await write(patientId, condition(patientId));
    const validUntil = new Date(Date.now() + 4_000).toISOString();
    const grant = await call(consent.url, 'POST', '/consents', t.registrarA!, { patientId, grantee: { organisation: 'clinic-b' }, categories: ['conditions'], purposes: ['TREAT'], validUntil });
    expect(grant.status).toBe(201);
    await eventually('the grant to reach records', async () => ((await read(conditionId, t.doctorB!)).status === 200 ? true : undefined));
    const expired = await eventually('the grant to expire', async () => {
      const r = await read(conditionId, t.doctorB!);
      return r.status === 403 ? r : undefined;
    }, 15_000, 250);
    expect(expired.body).toMatchObject({ reason: 'grant-expired' });
    await eventually('GrantExpired in audit', async () => {
      const r = await call<{ events: { type: string }[] }>(audit.url, 'GET', `/audit/events?patient=${patientId}`, t.auditor!);
      return r.body.events.some((e) => e.type === 'carechain.consent.grant.expired.v1') ? true : undefined;
    }, 15_000, 250);

    const glass = await read(conditionId, t.doctorB!, 'ETREAT', { 'x-break-glass-reason': 'unconscious on arrival, no relatives reachable' });
    expect(glass.status).toBe(200);
    expect((await read(conditionId, t.payerC!, 'TREAT', { 'x-break-glass-reason': 'a payer may never break the glass' })).status).toBe(403);
    const patientToken = await token({ sub: patientId, roles: ['patient'], org: 'patients' });
    const flagged = await eventually('the break-glass read in the patient’s own audit view', async () => {
      const r = await call<{ events: { details?: { breakGlass?: boolean; breakGlassReason?: string } }[] }>(audit.url, 'GET', `/audit/events?patient=${patientId}`, patientToken);
      return r.body.events?.find((e) => e.details?.breakGlass === true);
    }, 15_000, 250);
    expect(flagged.details?.breakGlassReason).toBe('unconscious on arrival, no relatives reachable');

    // Self-sovereign consent: the patient's registered Ed25519 key signs; a signature by any other key is refused.
    const own = generateKeyPairSync('ed25519');
    const stranger = generateKeyPairSync('ed25519');
    const jwk = own.publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
    const registered = await call<{ keyId: string }>(identity.url, 'POST', `/patients/${patientId}/signing-keys`, patientToken, { jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x } });
    expect(registered.status).toBe(201);
    const did = await call<{ id: string; verificationMethod: unknown[] }>(identity.url, 'GET', `/patients/${patientId}/did.json`, t.registrarA!);
    expect(did.body).toMatchObject({ id: `did:carechain:${patientId}` });
    const terms = { patientId, grantee: { organisation: 'clinic-b' }, categories: ['conditions' as const], purposes: ['TREAT' as const], validFrom: new Date().toISOString() };
    const signWith = (key: typeof own.privateKey) => ({ keyId: registered.body.keyId, alg: 'EdDSA', value: sign(null, grantSigningPayload(terms), key).toString('base64url') });
    const good = await eventually('consent to know the signing key and accept the signed grant', async () => {
      const r = await call<{ grantId: string }>(consent.url, 'POST', '/consents', patientToken, { ...terms, signature: signWith(own.privateKey) });
      return r.status === 201 ? r : undefined;
    });
    const bad = await call<{ type: string }>(consent.url, 'POST', '/consents', patientToken, { ...terms, signature: signWith(stranger.privateKey) });
    expect(bad.status).toBe(422);
    expect(bad.body.type).toMatch(/signature-invalid$/);
    const listed = await call<{ consents: { grantId: string; grantedBy: { kind: string; signed: boolean } }[] }>(consent.url, 'GET', `/patients/${patientId}/consents`, patientToken);
    expect(listed.body.consents.find((c) => c.grantId === good.body.grantId)?.grantedBy).toMatchObject({ kind: 'patient', signed: true });
  });

  it('erases by crypto-shredding: nothing any service holds decrypts the old events, no Redis key keeps the data, the chain links to nothing, reads answer 410', async () => {
    const patientId = await registerNew();
    const recordId = await write(patientId, condition(patientId));
    const recordEvent = await eventually('the record event on Kafka', async () => {
      const all = await readTopic('records.record.v1');
      return all.map((r) => (r.value ? (JSON.parse(r.value.toString()) as { id: string; subject?: string; data: { resource: SealedPayload; recordId: string; version: number } }) : undefined)).find((e) => e?.subject === patientId);
    });
    await eventually('the record event to be anchored', async () => {
      const r = await call(audit.url, 'GET', `/audit/events/${recordEvent.id}/proof`, t.auditor!);
      return r.status === 200 ? true : undefined;
    }, 30_000, 250);

    const erased = await call(identity.url, 'DELETE', `/patients/${patientId}`, t.dpo!, { reason: 'data-subject-request', caseReference: 'DSR-2026-0042' });
    expect(erased.status).toBe(200);
    expect((await call(identity.url, 'DELETE', `/patients/${patientId}`, t.doctorA!, { reason: 'data-subject-request', caseReference: 'X' })).status).toBe(403);

    await eventually('reads to answer 410', async () => ((await read(recordId, t.doctorA!)).status === 410 ? true : undefined));
    expect((await call(identity.url, 'GET', `/patients/${patientId}`, t.registrarA!)).status).toBe(410);
    expect((await call(records.url, 'GET', `/patients/${patientId}/records`, t.doctorA!)).status).toBe(410);

    // Compaction removes the superseded wrapped keys (the devnet bounds it to seconds); only the tombstone stays.
    const keys = await eventually('compaction to drop the shredded keys', async () => {
      const all = await readTopic('identity.keys.v1');
      const mine = all.filter((r) => r.key === patientId);
      return mine.length > 0 && mine.every((r) => r.value === null) ? all : undefined;
    }, 120_000, 2_000);
    // Everything a service could use: the KMS keyring and every key still on the topic.
    const kms = await LocalKeyringKms.open(testEnv('CARECHAIN_TEST_KEYRING_FILE'), { createIfMissing: false });
    const candidates: PatientKeyVersion[] = [];
    for (const r of keys) {
      if (!r.value || !r.key) continue;
      const issued = JSON.parse(r.value.toString()).data as { patientId: string; versions: Parameters<typeof unwrapPatientKeyVersion>[2][] };
      for (const v of issued.versions) candidates.push(await unwrapPatientKeyVersion(kms, issued.patientId, v));
    }
    expect(candidates.length).toBeGreaterThan(0);
    const context = { patientId, recordId: recordEvent.data.recordId, version: String(recordEvent.data.version) };
    const opened = candidates.filter((k) => {
      try {
        openJson({ ...k, version: recordEvent.data.resource.keyVersion }, recordEvent.data.resource, context);
        return true;
      } catch {
        return false;
      }
    });
    expect(opened).toEqual([]);

    // No Redis key holds the patient's data or keys: only PHI-free markers name the patient, and no value holds its ciphertext.
    const redis = new Redis(testEnv('CARECHAIN_TEST_REDIS_URL'));
    try {
      const named = await redis.keys(`*${patientId}*`);
      expect(named.filter((k) => !/^rm:audit\.trail:patient:|^rm:identity\.patients:erased:/.test(k))).toEqual([]);
      const ct = recordEvent.data.resource.ct.slice(0, 40);
      const all = await redis.keys('rm:*');
      const holding: string[] = [];
      for (const k of all) {
        const type = await redis.type(k);
        const dump = type === 'string' ? await redis.get(k) : type === 'hash' ? JSON.stringify(await redis.hgetall(k)) : '';
        if (dump?.includes(ct)) holding.push(k);
      }
      expect(holding).toEqual([]);
    } finally {
      redis.disconnect();
    }

    // The commitment on the chain can no longer be tied to the event.
    const proof = await call<{ receipt: unknown }>(audit.url, 'GET', `/audit/events/${recordEvent.id}/proof`, t.auditor!);
    const verify = await exec(process.execPath, ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', '--disable-warning=TimeoutNegativeWarning', join(repoRoot, 'tools', 'verify', 'verify.ts'), '--event', writeTemp(JSON.stringify(recordEvent)), '--receipt', writeTemp(JSON.stringify(proof.body.receipt)), '--network', testEnv('CARECHAIN_TEST_FABRIC_NETWORK'), '--keyring', testEnv('CARECHAIN_TEST_KEYRING_FILE'), '--brokers', testEnv('CARECHAIN_TEST_KAFKA_BROKERS')], { cwd: repoRoot }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(verify.code).toBe(1);
    expect(verify.out).toMatch(/shredded/);

    // Audit keeps a PHI-free record that the erasure happened, and why.
    const trail = await call<{ events: { type: string; details?: Record<string, unknown> }[] }>(audit.url, 'GET', `/audit/events?patient=${patientId}`, t.auditor!);
    expect(trail.body.events.find((e) => e.type === 'carechain.identity.patient.erased.v1')?.details).toMatchObject({ reason: 'data-subject-request', caseReference: 'DSR-2026-0042' });
  });

  it('leaves no name, birth date or identifier of any test patient in the logs or in the channel’s blocks', async () => {
    const logs = [identity, consent, records, audit, writer].map((s) => s.logs()).join('\n');
    const blocks = Buffer.concat(await channelBlocks());
    const distinct = [...new Set(phi)].filter((s) => s.length >= 5);
    expect(distinct.length).toBeGreaterThan(10);
    expect(distinct.filter((s) => logs.includes(s))).toEqual([]);
    expect(distinct.filter((s) => blocks.includes(Buffer.from(s)))).toEqual([]);
  });
});

function writeTemp(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'carechain-e2e-')), 'file.json');
  writeFileSync(file, content);
  return file;
}
