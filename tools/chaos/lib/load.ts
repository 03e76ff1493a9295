// A steady mixed load through the public HTTP APIs, with valid tokens, at bounded
// concurrency: registrations, record writes and amendments, grants and revocations,
// reads, erasures, coverages and claims. Which operation on which patient comes from
// the seeded generator; every answer goes into the ledger.
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheDir } from '../../devnet/lib/paths.ts';
import { mintToken } from '../../token/token.ts';
import { testPatient } from '../../../apps/e2e/src/support/patients.ts';
import { claim, coverage, CPT } from '../../../apps/e2e/src/support/claim-resources.ts';
import { acknowledged, request, type Reply } from './api.ts';
import { Ledger, type OperationKind, type PatientEntry } from './ledger.ts';
import type { Rng } from './rng.ts';

export type Tokens = Readonly<Record<'registrar' | 'doctorA' | 'doctorB' | 'payer' | 'auditor' | 'dpo', string>>;

export async function mintTokens(ttlSeconds: number): Promise<Tokens> {
  const mint = (sub: string, role: 'registrar' | 'clinician' | 'payer' | 'auditor' | 'privacy-officer', org: string) =>
    mintToken(cacheDir(), { sub, roles: [role], org, ttlSeconds });
  return {
    registrar: await mint('chaos-clerk', 'registrar', 'hospital-a'),
    doctorA: await mint('chaos-dr-a', 'clinician', 'hospital-a'),
    doctorB: await mint('chaos-dr-b', 'clinician', 'clinic-b'),
    payer: await mint('chaos-adjuster', 'payer', 'payer-c'),
    auditor: await mint('chaos-auditor', 'auditor', 'hospital-a'),
    dpo: await mint('chaos-dpo', 'privacy-officer', 'hospital-a'),
  };
}

/** The marker an amendment writes into a record's note: what the record's history must show for that version. */
export const condition = (patientId: string, marker: string) => ({
  resourceType: 'Condition',
  subject: { reference: `Patient/${patientId}` },
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' }] },
  note: [{ text: marker }],
});

const encounter = (patientId: string, marker: string, day: string) => ({
  resourceType: 'Encounter',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  type: [{ coding: [{ system: CPT, code: '99213' }] }],
  subject: { reference: `Patient/${patientId}` },
  period: { start: `${day}T09:00:00Z` },
  serviceType: { text: marker },
});

/** A patient is known to records, consent and claims once their registration has been consumed; give it a moment. */
const SETTLED_MS = 2_000;

export interface LoadOptions {
  readonly urls: Readonly<Record<string, string>>;
  readonly tokens: Tokens;
  readonly rng: Rng;
  readonly ledger: Ledger;
  readonly concurrency: number;
  readonly seed: number;
}

/** Runs until `stopped()` answers true; resolves once every worker has finished its current request. */
export async function runLoad(o: LoadOptions, stopped: () => boolean): Promise<void> {
  const { urls, tokens: t, rng, ledger } = o;
  let sequence = 0;
  const marker = () => `chaos-${o.seed}-${sequence++}`;
  const today = new Date().toISOString().slice(0, 10);
  const settled = () => ledger.living().filter((p) => Date.now() - p.registeredAt > SETTLED_MS);
  const withRecords = (category?: 'conditions' | 'encounters') =>
    settled().filter((p) => [...p.records.values()].some((r) => category === undefined || r.category === category));
  const recordOf = (p: PatientEntry, category?: 'conditions' | 'encounters') =>
    rng.pick([...p.records.entries()].filter(([, r]) => category === undefined || r.category === category));
  let unanswered = 0;
  const note = <T>(kind: OperationKind, reply: Reply<T>) => {
    ledger.count(kind, reply.status);
    if (reply.status === 0 || reply.status >= 500) unanswered++;
    return acknowledged(reply);
  };
  const eventIdsOf = (body: { eventId?: string; eventIds?: string[] }) => [...(body.eventId ? [body.eventId] : []), ...(body.eventIds ?? [])];

  const operations: Record<OperationKind, () => Promise<void>> = {
    async register() {
      const r = await request<{ id: string; eventId?: string; outcome?: string }>(urls.identity!, 'POST', '/patients', t.registrar, testPatient(sequence).body);
      if (note('register', r) && r.body.outcome !== 'review') ledger.addPatient(r.body.id, r.body.eventId);
    },
    async record() {
      const p = rng.pick(settled());
      const category = rng.int(4) === 0 ? 'encounters' : 'conditions';
      const m = marker();
      const body = category === 'encounters' ? encounter(p.id, m, today) : condition(p.id, m);
      const r = await request<{ recordId: string; version: string | number; eventId: string }>(
        urls.records!,
        'POST',
        `/patients/${p.id}/records`,
        t.doctorA,
        body,
      );
      if (!note('record', r)) return;
      p.records.set(r.body.recordId, { versions: new Map([[String(r.body.version), m]]), category });
      p.eventIds.push(...eventIdsOf(r.body));
    },
    async amend() {
      const p = rng.pick(withRecords('conditions'));
      const [recordId, entry] = recordOf(p, 'conditions');
      const m = marker();
      const r = await request<{ version: string | number; eventId: string }>(urls.records!, 'PUT', `/records/${recordId}`, t.doctorA, condition(p.id, m));
      if (!note('amend', r)) return;
      entry.versions.set(String(r.body.version), m);
      p.eventIds.push(...eventIdsOf(r.body));
    },
    async grant() {
      const p = rng.pick(settled());
      const body = { patientId: p.id, grantee: { organisation: 'clinic-b' }, categories: ['conditions'], purposes: ['TREAT'] };
      const r = await request<{ grantId: string; eventId: string }>(urls.consent!, 'POST', '/consents', t.registrar, body);
      if (r.status === 0 || r.status >= 500) p.uncertainConsent = true;
      if (!note('grant', r)) return;
      p.grants.set(r.body.grantId, false);
      p.eventIds.push(...eventIdsOf(r.body));
    },
    async revoke() {
      const p = rng.pick(settled().filter((x) => [...x.grants.values()].some((revoked) => !revoked)));
      const grantId = rng.pick([...p.grants.entries()].filter(([, revoked]) => !revoked))[0];
      const r = await request<{ eventId: string }>(urls.consent!, 'POST', `/consents/${grantId}/revoke`, t.registrar);
      if (r.status === 0 || r.status >= 500) p.uncertainConsent = true;
      if (!note('revoke', r)) return;
      p.grants.set(grantId, true);
      p.eventIds.push(...eventIdsOf(r.body));
    },
    async read() {
      const p = rng.pick(withRecords());
      const [recordId] = recordOf(p);
      note('read', await request(urls.records!, 'GET', `/records/${recordId}?purpose=TREAT`, t.doctorA));
    },
    async erase() {
      const p = rng.pick(settled());
      p.uncertainErasure = true;
      const r = await request<{ eventId?: string }>(urls.identity!, 'DELETE', `/patients/${p.id}`, t.dpo, {
        reason: 'data-subject-request',
        caseReference: `CHAOS-${o.seed}-${sequence++}`,
      });
      if (note('erase', r)) p.erased = true;
      if (r.status >= 400 && r.status < 500) p.uncertainErasure = false;
    },
    async coverage() {
      const p = rng.pick(settled().filter((x) => x.coverageId === undefined));
      const r = await request<{ coverageId: string }>(urls.claims!, 'POST', '/coverages', t.payer, coverage(p.id));
      if (note('coverage', r)) p.coverageId = r.body.coverageId;
    },
    async claim() {
      const p = rng.pick(withRecords('encounters').filter((x) => x.coverageId !== undefined));
      const [recordId] = recordOf(p, 'encounters');
      const r = await request<{ claimId: string; eventIds?: string[] }>(
        urls.claims!,
        'POST',
        '/claims',
        t.registrar,
        claim(p.id, p.coverageId!, recordId, '99213', 80, today),
      );
      if (!note('claim', r)) return;
      p.claims.push(r.body.claimId);
      p.eventIds.push(...eventIdsOf(r.body));
    },
  };

  const choose = (): OperationKind => {
    const living = settled();
    const few = ledger.living().length < 4;
    return (
      rng.weighted<OperationKind>([
        ['register', few ? 10 : 2],
        ['record', living.length > 0 ? 4 : 0],
        ['amend', withRecords('conditions').length > 0 ? 3 : 0],
        ['grant', living.length > 0 ? 2 : 0],
        ['revoke', living.some((p) => [...p.grants.values()].some((revoked) => !revoked)) ? 1.5 : 0],
        ['read', withRecords().length > 0 ? 3 : 0],
        ['erase', living.length > 6 ? 0.3 : 0],
        ['coverage', living.some((p) => p.coverageId === undefined) ? 1 : 0],
        ['claim', withRecords('encounters').some((p) => p.coverageId !== undefined) ? 1.5 : 0],
      ]) ?? 'register'
    );
  };

  const worker = async () => {
    while (!stopped()) {
      const before = unanswered;
      await operations[choose()]();
      // A service down answers at once (connection refused): back off rather than spin on the 2 cores.
      if (unanswered > before) await sleep(250);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
}
