// The consent chain links nothing: several grants of one patient, registered (and one
// revoked) by ledger-writer on the real Fabric network, leave records in the channel's
// world state that share no value with each other, and nothing in the channel's blocks
// (arguments, write sets, events, responses) equals an id that travels on Kafka. A
// caller holding a grant id and the patient's salt still finds the grant and asks
// WasGrantValidAt.
import { grantGranteeCommitment, grantKeyOf } from '@carechain/ledger-chaincode-api';
import { FabricConsentLedger, fabricConnectionFromNetworkFile } from '@carechain/ledger-fabric';
import { call } from './support/api';
import { channelBlocks } from './support/control';
import { readTopic } from './support/kafka-topics';
import { patientSalts } from './support/patient-salts';
import { testPatient } from './support/patients';
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { testEnv } from './support/test-env';
import { token } from './support/tokens';

describe('consent on the chain links nothing', () => {
  let identity: ServiceProcess;
  let consent: ServiceProcess;
  let writer: ServiceProcess;

  beforeAll(async () => {
    [identity, consent, writer] = await Promise.all(['identity', 'consent', 'ledger-writer'].map((s) => startServiceProcess(s)));
  });

  afterAll(async () => {
    await Promise.all([identity, consent, writer].map((s) => s?.stop()));
  });

  it("shows no value twice across one patient's grants and no Kafka id anywhere in the blocks, yet answers WasGrantValidAt for the salt holder", async () => {
    const registrar = await token({ sub: 'clerk-u', roles: ['registrar'], org: 'hospital-a' });
    const registered = await call<{ id: string }>(identity.url, 'POST', '/patients', registrar, testPatient().body);
    expect(registered.status).toBe(201);
    const patientId = registered.body.id;

    // Two grants with the same grantee, scope and (open) window, one to another organisation: only per-grant derivation keeps them apart.
    const terms = [
      { grantee: { organisation: 'clinic-b' }, categories: ['conditions'], purposes: ['TREAT'] },
      { grantee: { organisation: 'clinic-b' }, categories: ['conditions'], purposes: ['TREAT'] },
      { grantee: { organisation: 'insurer-c' }, categories: ['billing'], purposes: ['HPAYMT'] },
    ];
    const grantIds: string[] = [];
    for (const t of terms) {
      const res = await eventually('consent to know the patient', async () => {
        const r = await call<{ grantId: string }>(consent.url, 'POST', '/consents', registrar, { patientId, ...t });
        return r.status === 404 ? undefined : r;
      });
      expect(res.status).toBe(201);
      grantIds.push(res.body.grantId);
    }
    expect((await call(consent.url, 'POST', `/consents/${grantIds[0]}/revoke`, registrar)).status).toBe(200);

    const salts = await patientSalts(patientId);
    const salt = salts.get(Math.max(...salts.keys()))!;
    const chain = new FabricConsentLedger(fabricConnectionFromNetworkFile(testEnv('CARECHAIN_TEST_FABRIC_NETWORK'), 'PayerOrg')!);
    try {
      const keys = grantIds.map((id) => grantKeyOf(salt, id));
      const records = await eventually(
        'the grants and the revocation in the world state',
        async () => {
          const found = await Promise.all(keys.map((k) => chain.getGrant(k)));
          return found.every((r) => r !== undefined) && found[0]!.status === 'revoked' ? found.map((r) => r!) : undefined;
        },
        60_000,
        500,
      );

      // Every value that could tie records together: keys, commitments, transaction ids. The window
      // and status are shared by design (the chain judges validity by them) and carry no id.
      const identifying = records.flatMap((r) => [
        r.grantKey,
        r.patientCommitment,
        r.scopeCommitment,
        r.granteeCommitment,
        r.registeredTxId,
        r.registeredEventCommitment,
      ]);
      expect(new Set(identifying).size).toBe(identifying.length);
      expect(records[0]!.statusChangedEventCommitment).toMatch(/^[0-9a-f]{64}$/);
      expect(identifying).not.toContain(records[0]!.statusChangedEventCommitment);
      // What a salt holder can check: the grantee behind the commitment.
      expect(records.map((r, i) => r.granteeCommitment === grantGranteeCommitment(salt, grantIds[i]!, terms[i]!.grantee.organisation))).toEqual([
        true,
        true,
        true,
      ]);

      // Every id of this patient's consent events on Kafka: the key (patient id), event ids, grant ids, organisations, actors.
      const onKafka = new Set<string>([patientId]);
      // Organisations are not personal data, and the ClaimContract records each claim's two organisations by
      // design (README, "Claims on the chain"): the consent records must not hold them, the channel may.
      const organisations = new Set<string>();
      for (const r of await readTopic('consent.grant.v1')) {
        if (r.key !== patientId || !r.value) continue;
        type Actor = { subject: string; organisation?: string };
        const e = JSON.parse(r.value.toString()) as {
          id: string;
          data: { grantId: string; grantee?: { organisation: string }; grantedBy?: Actor; revokedBy?: Actor };
        };
        onKafka.add(e.id).add(e.data.grantId);
        if (e.data.grantee) organisations.add(e.data.grantee.organisation);
        for (const actor of [e.data.grantedBy, e.data.revokedBy]) {
          if (actor) onKafka.add(actor.subject);
          if (actor?.organisation) organisations.add(actor.organisation);
        }
      }
      for (const id of grantIds) expect(onKafka).toContain(id);
      expect(onKafka.size + organisations.size).toBeGreaterThanOrEqual(1 + 4 + 3 + 2);
      const values = records.flatMap((r) => Object.values(r).filter((v): v is string => typeof v === 'string'));
      expect(values.filter((v) => [...onKafka, ...organisations].some((id) => v.includes(id)))).toEqual([]);
      const blocks = Buffer.concat(await channelBlocks());
      // The scan sees these grants' transactions (their keys are in the blocks), and none of the ids.
      expect(keys.filter((k) => !blocks.includes(Buffer.from(k)))).toEqual([]);
      expect([...onKafka].filter((id) => blocks.includes(Buffer.from(id)))).toEqual([]);

      // The caller holding the grant and the salt asks the chain directly.
      const now = new Date().toISOString();
      expect(await chain.validityAt(keys[1]!, now)).toEqual({ grantKey: keys[1], valid: true, reason: 'valid' });
      expect(await chain.validityAt(keys[0]!, now)).toEqual({ grantKey: keys[0], valid: false, reason: 'revoked' });
    } finally {
      chain.close();
    }
  });
});
