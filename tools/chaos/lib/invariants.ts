// What must hold once the load has stopped and the stack has settled, read back
// through the public APIs: every acknowledged write present exactly once in every
// read model that should hold it and in audit, nothing applied twice, consent's and
// records' views of the grants in agreement, and a sample of acknowledged events
// proven on the chain against each organisation's peer (tools/verify, which checks
// audit's receipt with @carechain/ledger-verify), and every anchored record covered by
// exactly one batch on both peers (audit's completeness monitor, GET /audit/monitor).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../devnet/lib/paths.ts';
import { request } from './api.ts';
import type { Ledger, PatientEntry } from './ledger.ts';
import type { Tokens } from './load.ts';
import type { Rng } from './rng.ts';

const exec = promisify(execFile);

export interface Violation {
  readonly check: string;
  readonly detail: string;
}

interface HistoryBundle {
  entry?: { resource: { meta?: { versionId?: string }; note?: { text?: string }[]; serviceType?: { text?: string } } }[];
}

async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

async function patientViolations(urls: Readonly<Record<string, string>>, t: Tokens, p: PatientEntry): Promise<Violation[]> {
  const out: Violation[] = [];
  const v = (check: string, detail: string) => out.push({ check, detail: `patient ${p.id}: ${detail}` });
  const identity = await request(urls.identity!, 'GET', `/patients/${p.id}`, t.registrar);
  if (p.erased) {
    if (identity.status !== 410) v('erasure', `identity answers ${identity.status} for an erased patient, not 410`);
    return out;
  }
  if (identity.status !== 200) v('patient', `identity answers ${identity.status}`);

  for (const [recordId, record] of p.records) {
    const history = await request<HistoryBundle>(urls.records!, 'GET', `/records/${recordId}/_history?purpose=TREAT`, t.doctorA);
    if (history.status !== 200) {
      v('record', `record ${recordId}: history answers ${history.status}`);
      continue;
    }
    const versions = (history.body.entry ?? []).map((e) => e.resource);
    const ids = versions.map((r) => r.meta?.versionId ?? '?');
    const duplicated = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (duplicated.length > 0) v('record-version-duplicated', `record ${recordId}: versions ${duplicated.join(', ')} more than once`);
    for (const [version, marker] of record.versions) {
      const found = versions.find((r) => r.meta?.versionId === version);
      if (!found) v('record-version-missing', `record ${recordId}: acknowledged version ${version} missing (has ${ids.join(', ')})`);
      else if ((found.note?.[0]?.text ?? found.serviceType?.text) !== marker)
        v('record-content', `record ${recordId} version ${version} is not what was written`);
    }
  }

  if (p.grants.size > 0) {
    const listed = await request<{ consents?: { grantId: string; status: string }[] }>(urls.consent!, 'GET', `/patients/${p.id}/consents`, t.registrar);
    if (listed.status !== 200) v('grant', `consent's list answers ${listed.status}`);
    else {
      for (const [grantId, revoked] of p.grants) {
        const views = (listed.body.consents ?? []).filter((c) => c.grantId === grantId);
        if (views.length !== 1) v(views.length === 0 ? 'grant-missing' : 'grant-duplicated', `grant ${grantId} listed ${views.length} times by consent`);
        else if (revoked && views[0]!.status !== 'revoked') v('grant-state', `grant ${grantId}: revocation acknowledged, consent says ${views[0]!.status}`);
        else if (!revoked && !p.uncertainConsent && views[0]!.status !== 'active')
          v('grant-state', `grant ${grantId}: active, consent says ${views[0]!.status}`);
      }
    }
    // Records decides reads from its own view of the grants: it must agree with consent's.
    const condition = [...p.records.entries()].find(([, r]) => r.category === 'conditions');
    if (condition && !p.uncertainConsent) {
      const expected = [...p.grants.values()].some((revoked) => !revoked) ? 200 : 403;
      const read = await request(urls.records!, 'GET', `/records/${condition[0]}?purpose=TREAT`, t.doctorB);
      if (read.status !== expected)
        v('grant-views-disagree', `the grantee's read of record ${condition[0]} answers ${read.status}, consent's grants say ${expected}`);
    }
  }

  for (const claimId of p.claims) {
    const claim = await request(urls.claims!, 'GET', `/claims/${claimId}`, t.registrar);
    if (claim.status !== 200) v('claim-missing', `claim ${claimId}: claims answers ${claim.status}`);
  }

  const trail: string[] = [];
  let path: string | null = `/audit/events?patient=${p.id}&limit=200`;
  while (path) {
    const page: { status: number; body: { events?: { eventId: string }[]; next?: string | null } } = await request(urls.audit!, 'GET', path, t.auditor);
    if (page.status !== 200) {
      v('audit', `the trail answers ${page.status}`);
      return out;
    }
    trail.push(...(page.body.events ?? []).map((e) => e.eventId));
    path = page.body.next ? `/audit/events?patient=${p.id}&limit=200&cursor=${encodeURIComponent(page.body.next)}` : null;
  }
  const repeated = trail.filter((id, i) => trail.indexOf(id) !== i);
  if (repeated.length > 0) v('audit-duplicated', `events ${[...new Set(repeated)].join(', ')} more than once in the trail`);
  const missing = p.eventIds.filter((id) => !trail.includes(id));
  if (missing.length > 0) v('audit-missing', `acknowledged events ${missing.join(', ')} not in the trail`);
  return out;
}

/** Every acknowledged write, read back (two patients at a time: the machine is shared). */
export async function readModelViolations(urls: Readonly<Record<string, string>>, t: Tokens, ledger: Ledger): Promise<Violation[]> {
  const out: Violation[] = [];
  const checked = [...ledger.patients.values()].filter((p) => !p.uncertainErasure || p.erased);
  await inBatches(checked, 2, async (p) => void out.push(...(await patientViolations(urls, t, p))));
  return out;
}

/** `count` acknowledged events of living patients, chosen by the seed, each verified against both organisations' peers. */
export async function proofViolations(
  env: NodeJS.ProcessEnv,
  urls: Readonly<Record<string, string>>,
  t: Tokens,
  ledger: Ledger,
  rng: Rng,
  count: number,
): Promise<{ checked: number; violations: Violation[] }> {
  const events = ledger.living().flatMap((p) => p.eventIds);
  const sample = [...new Set(Array.from({ length: Math.min(count, events.length) }, () => rng.pick(events)))];
  const violations: Violation[] = [];
  for (const eventId of sample) {
    const proof = await request<{ receipt?: unknown }>(urls.audit!, 'GET', `/audit/events/${eventId}/proof`, t.auditor);
    if (proof.status !== 200) {
      violations.push({ check: 'proof-missing', detail: `event ${eventId}: audit's proof answers ${proof.status}` });
      continue;
    }
    for (const org of ['ProviderOrg', 'PayerOrg']) {
      const verdict = await exec(
        process.execPath,
        [
          '--disable-warning=ExperimentalWarning',
          '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
          '--disable-warning=TimeoutNegativeWarning',
          join(repoRoot, 'tools', 'verify', 'verify.ts'),
          eventId,
          ...['--org', org, '--audit-url', urls.audit!, '--network', env.CARECHAIN_TEST_FABRIC_NETWORK!],
          ...['--keyring', env.CARECHAIN_TEST_KEYRING_FILE!, '--brokers', env.CARECHAIN_TEST_KAFKA_BROKERS!],
        ],
        { cwd: repoRoot, env, timeout: 60_000 },
      ).then(
        (r) => ({ ok: true, out: r.stdout }),
        (e: { stdout?: string; message: string }) => ({ ok: false, out: e.stdout || e.message }),
      );
      if (!verdict.ok)
        violations.push({ check: 'proof-unverified', detail: `event ${eventId} against ${org}'s peer: ${verdict.out.trim().split('\n').pop()}` });
    }
  }
  return { checked: sample.length, violations };
}

interface MonitorReply {
  enabled: boolean;
  partitions?: { topic: string; partition: number; behindLog: number | null; behindChain: number | null }[];
  findings?: { kind: string; topic: string; partition: number; firstOffset: string; lastOffset: string; detail: string }[];
  findingCounts?: Record<string, number>;
}

/** What audit's completeness monitor says once it has caught up: the chain holds every anchored record exactly once, on both peers. */
export interface Coverage {
  /** Partitions the monitor has not accounted for up to the log's end yet (empty once caught up). */
  readonly behind: readonly string[];
  readonly violations: readonly Violation[];
  /** Every finding by kind, stalls included (anchoring that paused during a fault is reported, not a loss). */
  readonly counts: Readonly<Record<string, number>>;
}

/** Kinds that mean a record is missing from the chain, on it twice, or not as anchored: each is a violation. */
const LOSS_KINDS = new Set(['ledger-gap', 'ledger-overlap', 'root-mismatch', 'peer-disagreement']);

/** `before`: each partition's end when the run began; findings wholly before it are not the run's (under npm test the e2e specs leave deliberate ones). */
export async function coverage(urls: Readonly<Record<string, string>>, t: Tokens, before: ReadonlyMap<string, ReadonlyMap<number, bigint>>): Promise<Coverage> {
  const res = await request<MonitorReply>(urls.audit!, 'GET', '/audit/monitor', t.dpo);
  if (res.status !== 200) return { behind: [`GET /audit/monitor answered ${res.status}`], violations: [], counts: {} };
  if (!res.body.enabled)
    return { behind: [], violations: [{ check: 'coverage', detail: 'audit runs without the completeness monitor (AUDIT_MONITOR_NETWORK_FILE)' }], counts: {} };
  const behind = (res.body.partitions ?? [])
    .filter((p) => p.behindLog !== 0 || p.behindChain !== 0)
    .map((p) => `${p.topic}/${p.partition} (behind the log ${p.behindLog}, the chain ${p.behindChain})`);
  const violations = (res.body.findings ?? [])
    .filter((f) => LOSS_KINDS.has(f.kind) && BigInt(f.lastOffset) >= (before.get(f.topic)?.get(f.partition) ?? 0n))
    .map((f) => ({ check: `coverage ${f.kind}`, detail: `${f.topic}/${f.partition} ${f.firstOffset}-${f.lastOffset}: ${f.detail}` }));
  return { behind, violations, counts: res.body.findingCounts ?? {} };
}
