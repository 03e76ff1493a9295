// Claims on the chain, on the real stack: both organisations' ledger-writers run, and
// claims waits for the ClaimContract's verdict. A claim for a documented (anchored)
// encounter is accepted by the chain, adjudicated by the payer and paid, and both
// organisations' peers show the same history, each step submitted by its own
// organisation. The same service billed to a second payer is refused on the chain as
// a duplicate; a service never recorded as undocumented; a ProviderOrg identity cannot
// adjudicate. The channel's blocks hold nothing of the patient.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ClaimRecord } from '@carechain/ledger-chaincode-api';
import { FabricClaimChain, fabricConnectionFromNetworkFile } from '@carechain/ledger-fabric';
import { call } from './support/api';
import { claim as claimOf, coverage, CPT } from './support/claim-resources';
import { channelBlocks } from './support/control';
import { readTopic } from './support/kafka-topics';
import { testPatient } from './support/patients';
import { receiptsFor } from './support/receipts';
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { testEnv } from './support/test-env';
import { token } from './support/tokens';

const repoRoot = join(__dirname, '..', '..', '..');
const STATE = 'https://carechain.dev/fhir/StructureDefinition/claim-state';
const today = new Date().toISOString().slice(0, 10);
const claim = (patientId: string, coverageId: string, recordId: string) => claimOf(patientId, coverageId, recordId, '99213', 80, today);

describe('claims on the chain', () => {
  const services: ServiceProcess[] = [];
  let identity: ServiceProcess;
  let records: ServiceProcess;
  let claims: ServiceProcess;
  const network = () => testEnv('CARECHAIN_TEST_FABRIC_NETWORK');
  const peers = () => (['ProviderOrg', 'PayerOrg'] as const).map((org) => new FabricClaimChain(fabricConnectionFromNetworkFile(network(), org)!));

  beforeAll(async () => {
    [identity, records, claims] = await Promise.all([
      startServiceProcess('identity'),
      startServiceProcess('records'),
      startServiceProcess('claims', {
        CLAIMS_BENEFIT_PLANS_FILE: join(repoRoot, 'apps', 'claims', 'benefit-plans.dev.json'),
        CLAIMS_AWAIT_CHAIN_VERDICT: 'true',
      }),
    ]);
    services.push(identity, records, claims);
    // One ledger-writer per organisation, each with its own Fabric identity.
    services.push(await startServiceProcess('ledger-writer'), await startServiceProcess('ledger-writer', { FABRIC_ORG: 'PayerOrg' }));
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
  });

  it('accepts, adjudicates and pays a documented claim with both organisations; refuses a duplicate to another payer, an undocumented service, and a provider adjudicating', async () => {
    const registrar = await token({ sub: 'clerk-a', roles: ['registrar'], org: 'hospital-a' });
    const doctor = await token({ sub: 'dr-a', roles: ['clinician'], org: 'hospital-a' });
    const payerC = await token({ sub: 'adjuster-c', roles: ['payer'], org: 'payer-c' });
    const payerD = await token({ sub: 'adjuster-d', roles: ['payer'], org: 'payer-d' });
    const person = testPatient();
    const registered = await call<{ id: string }>(identity.url, 'POST', '/patients', registrar, person.body);
    expect(registered.status).toBe(201);
    const patientId = registered.body.id;
    const cover = async (payer: string, bearer: string) =>
      (
        await eventually('claims to know the patient', async () => {
          const r = await call<{ coverageId: string }>(claims.url, 'POST', '/coverages', bearer, coverage(patientId, payer));
          return r.status === 201 ? r : undefined;
        })
      ).body.coverageId;
    const [coverageC, coverageD] = [await cover('payer-c', payerC), await cover('payer-d', payerD)];

    const written = await eventually('records to know the patient', async () => {
      const w = await call<{ recordId: string; eventId: string }>(records.url, 'POST', `/patients/${patientId}/records`, doctor, {
        resourceType: 'Encounter',
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        type: [{ coding: [{ system: CPT, code: '99213' }] }],
        subject: { reference: `Patient/${patientId}` },
        period: { start: `${today}T09:00:00Z` },
      });
      return w.status === 201 ? w.body : undefined;
    });
    // Documented means anchored: the encounter's receipt exists before the claim is submitted.
    expect((await receiptsFor([written.eventId])).size).toBe(1);

    const submit = async (coverageId: string, recordId: string) => {
      const r = await call<{ claimId: string; status: string }>(claims.url, 'POST', '/claims', registrar, claim(patientId, coverageId, recordId));
      expect(r.status).toBe(201);
      expect(r.body.status).toBe('submitted');
      return r.body.claimId;
    };
    const statusOf = async (claimId: string, bearer: string) => {
      const r = await call<{ extension?: { url: string; valueCode: string }[] }>(claims.url, 'GET', `/claims/${claimId}`, bearer);
      return r.body.extension?.find((e) => e.url === STATE)?.valueCode;
    };
    const decided = (claimId: string, bearer: string, status: string) =>
      eventually(`claim ${claimId} to be ${status}`, async () => ((await statusOf(claimId, bearer)) === status ? status : undefined), 60_000, 250);

    // 1. Documented: accepted by the chain, adjudicated by the plan, paid by the payer.
    const good = await submit(coverageC, written.recordId);
    await decided(good, payerC, 'approved');
    const paid = await call(claims.url, 'POST', `/claims/${good}/payment`, payerC, { amount: 70, date: today, remittanceReference: 'REM-CHAIN-1' });
    expect(paid.status).toBe(200);

    // 2. The same service billed to another payer: refused on the chain, denied by claims.
    const duplicate = await submit(coverageD, written.recordId);
    await decided(duplicate, payerD, 'denied');
    // 3. A service never recorded: undocumented.
    const undocumented = await submit(coverageC, randomUUID());
    await decided(undocumented, payerC, 'denied');

    const [provider, payer] = peers();
    try {
      const onChain = async (claimId: string, status: string) =>
        eventually(
          `claim ${claimId} ${status} on both peers`,
          async () => {
            const both = await Promise.all([provider!.getClaim(claimId), payer!.getClaim(claimId)]);
            return both.every((c) => c?.status === status) ? (both as ClaimRecord[]) : undefined;
          },
          60_000,
          500,
        );
      const [fromProvider, fromPayer] = await onChain(good, 'paid');
      expect(fromPayer).toEqual(fromProvider);
      expect(fromProvider!.history.map((h) => [h.kind, h.status, h.mspId])).toEqual([
        ['submit', 'submitted', 'ProviderOrgMSP'],
        ['adjudicate', 'adjudicated', 'PayerOrgMSP'],
        ['pay', 'paid', 'PayerOrgMSP'],
      ]);
      expect(fromProvider).toMatchObject({ providerOrg: 'hospital-a', payerOrg: 'payer-c', outcome: 'approved', total: { value: '80.00', currency: 'EUR' } });
      expect((await onChain(duplicate, 'refused'))[0]!.refusal).toBe('duplicate-service');
      expect((await onChain(undocumented, 'refused'))[0]!.refusal).toBe('undocumented-service');

      // 4. A ProviderOrg identity adjudicating: refused by the contract, the claim unchanged.
      const attempt = await provider!.applyTransitions([
        { kind: 'adjudicate', transitionId: randomUUID(), claimId: good, at: new Date().toISOString(), outcome: 'denied', reasonCodes: [] },
      ]);
      expect(attempt.outcomes.map((o) => [o.accepted, o.refusal])).toEqual([[false, 'wrong-organisation']]);
      expect((await payer!.getClaim(good))!.status).toBe('paid');

      // The verdicts claims acted on, from the topic: one per transition, each naming its organisation.
      const verdicts = (await readTopic('ledger.claim.v1'))
        .filter((r) => r.key === patientId && r.value)
        .map((r) => (JSON.parse(r.value!.toString()) as { data: { claimId: string; kind: string; refusal: string | null; mspId: string } }).data);
      expect(verdicts.filter((v) => v.claimId === duplicate).map((v) => [v.kind, v.refusal, v.mspId])).toEqual([
        ['submit', 'duplicate-service', 'ProviderOrgMSP'],
      ]);

      // Nothing of the patient in the channel's blocks: not their id, the record's, nor their demographics.
      const blocks = Buffer.concat(await channelBlocks());
      expect(blocks.includes(Buffer.from(good))).toBe(true); // the scan does see these claims' transactions
      expect([patientId, written.recordId, written.eventId, ...person.phi].filter((s) => blocks.includes(Buffer.from(s)))).toEqual([]);
    } finally {
      provider?.close();
      payer?.close();
    }
  });
});
