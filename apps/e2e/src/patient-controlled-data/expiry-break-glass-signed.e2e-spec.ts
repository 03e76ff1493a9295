// Expiry, break-glass and patient-signed consent, on the real Kafka, Redis and Fabric.
import { generateKeyPairSync, sign } from 'node:crypto';
import { grantSigningPayload } from '@carechain/contracts';
import { call } from '../support/api';
import { eventually } from '../support/service-process';
import { token } from '../support/tokens';
import { condition, scenario } from './pcd-world';

scenario('Expiry, break-glass and patient-signed consent', (world) => {
  it('denies after a grant expires, permits break-glass and flags it for the patient, and refuses a badly signed grant', async () => {
    const w = world();
    const patientId = await w.registerNew();
    const conditionId = await w.write(patientId, condition(patientId));
    const validUntil = new Date(Date.now() + 4_000).toISOString();
    const grant = await call(w.consent.url, 'POST', '/consents', w.t.registrarA, {
      patientId,
      grantee: { organisation: 'clinic-b' },
      categories: ['conditions'],
      purposes: ['TREAT'],
      validUntil,
    });
    expect(grant.status).toBe(201);
    await eventually('the grant to reach records', async () => ((await w.read(conditionId, w.t.doctorB)).status === 200 ? true : undefined));
    const expired = await eventually(
      'the grant to expire',
      async () => {
        const r = await w.read(conditionId, w.t.doctorB);
        return r.status === 403 ? r : undefined;
      },
      15_000,
      250,
    );
    expect(expired.body).toMatchObject({ reason: 'grant-expired' });
    await eventually(
      'GrantExpired in audit',
      async () => {
        const r = await call<{ events: { type: string }[] }>(w.audit.url, 'GET', `/audit/events?patient=${patientId}`, w.t.auditor);
        return r.body.events.some((e) => e.type === 'carechain.consent.grant.expired.v1') ? true : undefined;
      },
      15_000,
      250,
    );

    const glass = await w.read(conditionId, w.t.doctorB, 'ETREAT', { 'x-break-glass-reason': 'unconscious on arrival, no relatives reachable' });
    expect(glass.status).toBe(200);
    expect((await w.read(conditionId, w.t.payerC, 'TREAT', { 'x-break-glass-reason': 'a payer may never break the glass' })).status).toBe(403);
    const patientToken = await token({ sub: patientId, roles: ['patient'], org: 'patients' });
    const flagged = await eventually(
      'the break-glass read in the patient’s own audit view',
      async () => {
        const r = await call<{ events: { details?: { breakGlass?: boolean; breakGlassReason?: string } }[] }>(
          w.audit.url,
          'GET',
          `/audit/events?patient=${patientId}`,
          patientToken,
        );
        return r.body.events?.find((e) => e.details?.breakGlass === true);
      },
      15_000,
      250,
    );
    expect(flagged.details?.breakGlassReason).toBe('unconscious on arrival, no relatives reachable');

    // Self-sovereign consent: the patient's registered Ed25519 key signs; a signature by any other key is refused.
    const own = generateKeyPairSync('ed25519');
    const stranger = generateKeyPairSync('ed25519');
    const jwk = own.publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
    const registered = await call<{ keyId: string }>(w.identity.url, 'POST', `/patients/${patientId}/signing-keys`, patientToken, {
      jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x },
    });
    expect(registered.status).toBe(201);
    const did = await call<{ id: string; verificationMethod: unknown[] }>(w.identity.url, 'GET', `/patients/${patientId}/did.json`, w.t.registrarA);
    expect(did.body).toMatchObject({ id: `did:carechain:${patientId}` });
    const terms = {
      patientId,
      grantee: { organisation: 'clinic-b' },
      categories: ['conditions' as const],
      purposes: ['TREAT' as const],
      validFrom: new Date().toISOString(),
    };
    const signWith = (key: typeof own.privateKey) => ({
      keyId: registered.body.keyId,
      alg: 'EdDSA',
      value: sign(null, grantSigningPayload(terms), key).toString('base64url'),
    });
    const good = await eventually('consent to know the signing key and accept the signed grant', async () => {
      const r = await call<{ grantId: string }>(w.consent.url, 'POST', '/consents', patientToken, { ...terms, signature: signWith(own.privateKey) });
      return r.status === 201 ? r : undefined;
    });
    const bad = await call<{ type: string }>(w.consent.url, 'POST', '/consents', patientToken, { ...terms, signature: signWith(stranger.privateKey) });
    expect(bad.status).toBe(422);
    expect(bad.body.type).toMatch(/signature-invalid$/);
    const listed = await call<{ consents: { grantId: string; grantedBy: { kind: string; signed: boolean } }[] }>(
      w.consent.url,
      'GET',
      `/patients/${patientId}/consents`,
      patientToken,
    );
    expect(listed.body.consents.find((c) => c.grantId === good.body.grantId)?.grantedBy).toMatchObject({ kind: 'patient', signed: true });
  });
});
