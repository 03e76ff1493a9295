// Erasure by crypto-shredding, on the real Kafka, Redis and Fabric.
import { Redis } from 'ioredis';
import type { SealedPayload } from '@carechain/contracts';
import { LocalKeyringKms, openJson, unwrapPatientKeyVersion, type PatientKeyVersion } from '@carechain/crypto';
import { call } from '../support/api';
import { readTopic } from '../support/kafka-topics';
import { eventually } from '../support/service-process';
import { testEnv } from '../support/test-env';
import { verifyCli } from '../support/verify-cli';
import { condition, scenario, writeTemp } from './pcd-world';

scenario('Erasure by crypto-shredding', (world) => {
  it('erases by crypto-shredding: nothing any service holds decrypts the old events, no Redis key keeps the data, the chain links to nothing, reads answer 410', async () => {
    const w = world();
    const patientId = await w.registerNew();
    // Someone else's keys stay on the topic: the check below tries every key left, so it must have some to try.
    await w.registerNew();
    const recordId = await w.write(patientId, condition(patientId));
    const recordEvent = await eventually('the record event on Kafka', async () => {
      const all = await readTopic('records.record.v1');
      return all
        .map((r) =>
          r.value
            ? (JSON.parse(r.value.toString()) as { id: string; subject?: string; data: { resource: SealedPayload; recordId: string; version: number } })
            : undefined,
        )
        .find((e) => e?.subject === patientId);
    });
    await eventually(
      'the record event to be anchored',
      async () => {
        const r = await call(w.audit.url, 'GET', `/audit/events/${recordEvent.id}/proof`, w.t.auditor);
        return r.status === 200 ? true : undefined;
      },
      30_000,
      250,
    );

    const erased = await call(w.identity.url, 'DELETE', `/patients/${patientId}`, w.t.dpo, { reason: 'data-subject-request', caseReference: 'DSR-2026-0042' });
    expect(erased.status).toBe(200);
    expect((await call(w.identity.url, 'DELETE', `/patients/${patientId}`, w.t.doctorA, { reason: 'data-subject-request', caseReference: 'X' })).status).toBe(
      403,
    );

    await eventually('reads to answer 410', async () => ((await w.read(recordId, w.t.doctorA)).status === 410 ? true : undefined));
    expect((await call(w.identity.url, 'GET', `/patients/${patientId}`, w.t.registrarA)).status).toBe(410);
    expect((await call(w.records.url, 'GET', `/patients/${patientId}/records`, w.t.doctorA)).status).toBe(410);

    // Compaction removes the superseded wrapped keys (the devnet bounds it to seconds); only the tombstone stays.
    const keys = await eventually(
      'compaction to drop the shredded keys',
      async () => {
        const all = await readTopic('identity.keys.v1');
        const mine = all.filter((r) => r.key === patientId);
        return mine.length > 0 && mine.every((r) => r.value === null) ? all : undefined;
      },
      120_000,
      2_000,
    );
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
      // audit's indexes of the patient's PHI-free trail (by patient, by acting organisation, of disclosures) outlive the erasure by design.
      expect(named.filter((k) => !/^rm:audit\.trail:(patient|patient-org|disclosures):|^rm:identity\.patients:erased:/.test(k))).toEqual([]);
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
    const proof = await call<{ receipt: unknown }>(w.audit.url, 'GET', `/audit/events/${recordEvent.id}/proof`, w.t.auditor);
    const verify = await verifyCli(writeTemp(JSON.stringify(recordEvent)), writeTemp(JSON.stringify(proof.body.receipt)));
    expect(verify.code).toBe(1);
    expect(verify.out).toMatch(/shredded/);

    // Audit keeps a PHI-free record that the erasure happened, and why.
    const trail = await call<{ events: { type: string; details?: Record<string, unknown> }[] }>(
      w.audit.url,
      'GET',
      `/audit/events?patient=${patientId}`,
      w.t.auditor,
    );
    expect(trail.body.events.find((e) => e.type === 'carechain.identity.patient.erased.v1')?.details).toMatchObject({
      reason: 'data-subject-request',
      caseReference: 'DSR-2026-0042',
    });
  });
});
