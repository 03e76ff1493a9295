// Consented reads: another organisation reads exactly what was granted, until revoked; every read audited and anchored, on the real Kafka, Redis and Fabric.
import { grantGranteeCommitment, grantKeyOf } from '@carechain/ledger-chaincode-api';
import { FabricConsentLedger, fabricConnectionFromNetworkFile } from '@carechain/ledger-fabric';
import { call } from '../support/api';
import { patientSalts } from '../support/patient-salts';
import { eventually } from '../support/service-process';
import { testEnv } from '../support/test-env';
import { chargeItem, condition, scenario } from './pcd-world';

scenario('Consented reads', (world) => {
  it('lets another organisation read exactly the granted categories, for the granted purpose, until revoked; every read is audited and anchored', async () => {
    const w = world();
    const patientId = await w.registerNew();
    const conditionId = await w.write(patientId, condition(patientId));
    const billingId = await w.write(patientId, chargeItem(patientId));

    expect((await w.read(conditionId, w.t.doctorB)).status).toBe(403);
    const grant = await call<{ grantId: string }>(w.consent.url, 'POST', '/consents', w.t.registrarA, {
      patientId,
      grantee: { organisation: 'clinic-b' },
      categories: ['conditions'],
      purposes: ['TREAT'],
    });
    expect(grant.status).toBe(201);

    const permitted = await eventually('the grant to reach records', async () => {
      const r = await w.read(conditionId, w.t.doctorB);
      return r.status === 200 ? r : undefined;
    });
    expect(permitted.body).toMatchObject({ resourceType: 'Condition', id: conditionId });
    expect((await w.read(billingId, w.t.doctorB)).status).toBe(403);
    expect((await w.read(conditionId, w.t.doctorB, 'HPAYMT')).status).toBe(403);
    const search = await call<{ resourceType: string; type: string; total: number; entry: { resource: { id: string } }[] }>(
      w.records.url,
      'GET',
      `/patients/${patientId}/records?purpose=TREAT`,
      w.t.doctorB,
    );
    expect(search.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(search.body.entry.filter((e) => e.resource.id).map((e) => e.resource.id)).toEqual([conditionId]);

    const revokedAt = Date.now();
    expect((await call(w.consent.url, 'POST', `/consents/${grant.body.grantId}/revoke`, w.t.registrarA)).status).toBe(200);
    const denied = await eventually(
      'the revocation to reach records',
      async () => {
        const r = await w.read(conditionId, w.t.doctorB);
        return r.status === 403 ? r : undefined;
      },
      10_000,
      20,
    );
    const revocationDelayMs = Date.now() - revokedAt;
    expect(denied.body).toMatchObject({ reason: 'grant-revoked' });
    expect(revocationDelayMs).toBeLessThan(2_000);

    // ledger-writer put the grant and its revocation on the chain as commitments: any organisation's peer can check it.
    // A holder of the patient's salt finds the grant by its grant key; the record names no one.
    const salts = await patientSalts(patientId);
    const salt = salts.get(Math.max(...salts.keys()))!;
    const chain = new FabricConsentLedger(fabricConnectionFromNetworkFile(testEnv('CARECHAIN_TEST_FABRIC_NETWORK'), 'PayerOrg')!);
    try {
      const onChain = await eventually(
        'the revocation on the chain',
        async () => {
          const g = await chain.getGrant(grantKeyOf(salt, grant.body.grantId));
          return g?.status === 'revoked' ? g : undefined;
        },
        30_000,
        500,
      );
      expect(onChain).toMatchObject({
        granteeCommitment: grantGranteeCommitment(salt, grant.body.grantId, 'clinic-b'),
        patientCommitment: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      for (const id of [patientId, grant.body.grantId, 'clinic-b']) expect(JSON.stringify(onChain)).not.toContain(id);
    } finally {
      chain.close();
    }

    // The accounting of disclosures: every read, with its decision, and each on the ledger.
    const trail = await eventually(
      'the reads in audit',
      async () => {
        const r = await call<{ events: { eventId: string; type: string; details?: { decision?: string; denyReason?: string } }[] }>(
          w.audit.url,
          'GET',
          `/audit/events?patient=${patientId}`,
          w.t.auditor,
        );
        const reads = r.body.events.filter((e) => e.type === 'carechain.records.access.decided.v1');
        return reads.length >= 6 && reads.some((e) => e.details?.denyReason === 'grant-revoked') ? reads : undefined;
      },
      20_000,
      200,
    );
    expect(trail.map((e) => e.details?.decision)).toEqual(expect.arrayContaining(['permit', 'deny']));
    expect(trail.some((e) => e.details?.denyReason === 'grant-revoked')).toBe(true);
    for (const e of trail) {
      const proof = await eventually(
        `a receipt for read ${e.eventId}`,
        async () => {
          const r = await call<{ verified: { inclusion: boolean } }>(w.audit.url, 'GET', `/audit/events/${e.eventId}/proof`, w.t.auditor);
          return r.status === 200 ? r.body : undefined;
        },
        30_000,
        250,
      );
      expect(proof.verified.inclusion).toBe(true);
    }
  });
});
