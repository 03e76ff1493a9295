// With the PayerOrg's peer stopped no claim changes state, on the chain or in claims,
// and nothing is lost: the chaincode's policy needs both organisations, so the
// providers' ledger-writer waits; when the peer returns the claim proceeds.
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { FabricClaimChain, fabricConnectionFromNetworkFile } from '@carechain/ledger-fabric';
import { call } from './support/api';
import { claim, coverage, CPT } from './support/claim-resources';
import { startPeers, stopPeers } from './support/control';
import { testPatient } from './support/patients';
import { receiptsFor } from './support/receipts';
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { testEnv } from './support/test-env';
import { token } from './support/tokens';

const repoRoot = join(__dirname, '..', '..', '..');
const STATE = 'https://carechain.dev/fhir/StructureDefinition/claim-state';
const today = new Date().toISOString().slice(0, 10);

describe("a claim while the PayerOrg's peer is away", () => {
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    services.push(
      ...(await Promise.all([
        startServiceProcess('identity'),
        startServiceProcess('records'),
        startServiceProcess('claims', {
          CLAIMS_BENEFIT_PLANS_FILE: join(repoRoot, 'apps', 'claims', 'benefit-plans.dev.json'),
          CLAIMS_AWAIT_CHAIN_VERDICT: 'true',
        }),
      ])),
    );
    services.push(await startServiceProcess('ledger-writer'), await startServiceProcess('ledger-writer', { FABRIC_ORG: 'PayerOrg' }));
  });

  afterAll(async () => {
    await startPeers('PayerOrg').catch(() => undefined);
    await Promise.all(services.map((s) => s.stop()));
  });

  it('stays submitted, on the chain nothing, until the peer returns; then it is accepted and adjudicated', async () => {
    const [identity, records, claims] = services;
    const registrar = await token({ sub: 'clerk-o', roles: ['registrar'], org: 'hospital-a' });
    const doctor = await token({ sub: 'dr-o', roles: ['clinician'], org: 'hospital-a' });
    const payer = await token({ sub: 'adjuster-o', roles: ['payer'], org: 'payer-c' });
    const registered = await call<{ id: string }>(identity!.url, 'POST', '/patients', registrar, testPatient().body);
    const patientId = registered.body.id;
    const coverageId = (
      await eventually('claims to know the patient', async () => {
        const r = await call<{ coverageId: string }>(claims!.url, 'POST', '/coverages', payer, coverage(patientId));
        return r.status === 201 ? r.body : undefined;
      })
    ).coverageId;
    const written = await eventually('records to know the patient', async () => {
      const w = await call<{ recordId: string; eventId: string }>(records!.url, 'POST', `/patients/${patientId}/records`, doctor, {
        resourceType: 'Encounter',
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        type: [{ coding: [{ system: CPT, code: '99213' }] }],
        subject: { reference: `Patient/${patientId}` },
        period: { start: `${today}T09:00:00Z` },
      });
      return w.status === 201 ? w.body : undefined;
    });
    expect((await receiptsFor([written.eventId])).size).toBe(1);
    const statusOf = async (claimId: string) =>
      (await call<{ extension?: { url: string; valueCode: string }[] }>(claims!.url, 'GET', `/claims/${claimId}`, payer)).body.extension?.find(
        (e) => e.url === STATE,
      )?.valueCode;
    const provider = new FabricClaimChain(fabricConnectionFromNetworkFile(testEnv('CARECHAIN_TEST_FABRIC_NETWORK'), 'ProviderOrg')!);
    try {
      await stopPeers('PayerOrg');
      const submitted = await call<{ claimId: string; status: string }>(
        claims!.url,
        'POST',
        '/claims',
        registrar,
        claim(patientId, coverageId, written.recordId, '99213', 80, today),
      );
      expect(submitted.status).toBe(201);
      const { claimId } = submitted.body;
      await sleep(15_000);
      expect(await statusOf(claimId)).toBe('submitted');
      expect(await provider.getClaim(claimId)).toBeUndefined();

      await startPeers('PayerOrg');
      await eventually(
        'the claim to be approved once both organisations endorse again',
        async () => ((await statusOf(claimId)) === 'approved' ? true : undefined),
        180_000,
        500,
      );
      expect(
        await eventually(
          'the adjudication on the chain',
          async () => ((await provider.getClaim(claimId))?.status === 'adjudicated' ? true : undefined),
          60_000,
          500,
        ),
      ).toBe(true);
    } finally {
      provider.close();
    }
  }, 360_000);
});
