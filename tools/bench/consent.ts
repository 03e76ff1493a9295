// npm run bench:consent -- [--n 20000] [--c 8] [--runs 3] [--skip-in-process]
// 1. In process: decide() p50/p99 over 100,000 patients (tools/bench/consent-decision.ts).
// 2. Over HTTP, against the running stack (npm start / npm run stack:up): POST
//    /decisions on consent, N requests with C in flight; decisions/s, p50/p99.
// 3. Revocation delay: from consent's 200 on a revocation until records, which decides
//    from its own replica of the grants, denies the next read (polled every 2 ms).
import type { Role } from '../../libs/shared/auth/src/roles.ts';
import { spawnSync } from 'node:child_process';
import { Agent } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheDir, repoRoot } from '../devnet/lib/paths.ts';
import { mintToken } from '../token/token.ts';
import { load, median, send } from './lib/http-load.ts';
import { syntheticRegistration } from './lib/synthetic-person.ts';
import { arg, url } from './lib/bench-args.ts';

const n = arg('n', 20_000);
const c = arg('c', 8);
const runs = arg('runs', 3);

if (!process.argv.includes('--skip-in-process')) {
  process.stdout.write('--- in process (decide() over 100,000 patients)\n');
  const r = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', join(repoRoot, 'tools', 'bench', 'consent-decision.ts')],
    { stdio: 'inherit', cwd: repoRoot },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const bearer = async (sub: string, role: Role, org: string) => ({
  authorization: `Bearer ${await mintToken(cacheDir(), { sub, roles: [role], org, ttlSeconds: 3600 })}`,
});
const registrar = await bearer('bench-clerk', 'registrar', 'hospital-a');
const doctorA = await bearer('bench-dr-a', 'clinician', 'hospital-a');
const doctorB = await bearer('bench-dr-b', 'clinician', 'clinic-b');

async function json(method: string, u: URL, headers: Record<string, string>, body?: unknown): Promise<Record<string, unknown>> {
  const a = await send(agent, method, u, headers, body === undefined ? undefined : JSON.stringify(body));
  if (a.status >= 300) throw new Error(`${method} ${u.pathname}: ${a.status} ${a.body}`);
  return JSON.parse(a.body) as Record<string, unknown>;
}

const patientId = (await json('POST', url('identity', '/patients'), registrar, syntheticRegistration(0))).id as string;
const grant = { patientId, grantee: { organisation: 'clinic-b' }, categories: ['conditions'], purposes: ['TREAT'] };
const setupGrant = (await json('POST', url('consent', '/consents'), registrar, grant)).grantId as string;
const decision = JSON.stringify({ patientId, categories: ['conditions'], purpose: 'TREAT' });
for (let i = 0; ; i++) {
  const d = await json('POST', url('consent', '/decisions'), doctorB, JSON.parse(decision));
  if (d.decision === 'permit') break;
  if (i > 200) throw new Error('consent never saw the patient');
  await sleep(50);
}

process.stdout.write(`--- over HTTP: POST /decisions, ${n} requests, ${c} in flight, ${runs} runs, ${cpus().length} cores shared with the stack\n`);
const results = [];
for (let r = 0; r < runs; r++) {
  const res = await load(
    n,
    c,
    (_i, a) => send(a, 'POST', url('consent', '/decisions'), doctorB, decision),
    (a) => a.status === 200 && a.body.includes('"permit"'),
  );
  results.push(res);
  process.stdout.write(
    `  run ${r + 1}: ${res.perSecond.toFixed(0)} decisions/s, p50 ${res.p50.toFixed(2)} ms, p99 ${res.p99.toFixed(2)} ms, failures ${res.failures}\n`,
  );
}
process.stdout.write(
  `  median: ${median(results.map((x) => x.perSecond)).toFixed(0)} decisions/s, p50 ${median(results.map((x) => x.p50)).toFixed(2)} ms, p99 ${median(results.map((x) => x.p99)).toFixed(2)} ms (targets ≥ 5,000/s, p99 ≤ 10 ms)\n`,
);

process.stdout.write('--- revocation delay: consent answers 200 → records denies the next read\n');
const condition = {
  resourceType: 'Condition',
  subject: { reference: `Patient/${patientId}` },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003' }] },
};
let recordId: string | undefined;
for (let i = 0; !recordId; i++) {
  const a = await send(agent, 'POST', url('records', `/patients/${patientId}/records`), doctorA, JSON.stringify(condition));
  if (a.status === 201) recordId = (JSON.parse(a.body) as { recordId: string }).recordId;
  else if (i > 100) throw new Error(`records: ${a.status} ${a.body}`);
  else await sleep(50);
}
await json('POST', url('consent', `/consents/${setupGrant}/revoke`), registrar);
const delays: number[] = [];
for (let i = 0; i < 10; i++) {
  const g = (await json('POST', url('consent', '/consents'), registrar, grant)).grantId as string;
  for (;;) {
    const a = await send(agent, 'GET', url('records', `/records/${recordId}`), doctorB);
    if (a.status === 200) break;
    await sleep(5);
  }
  await json('POST', url('consent', `/consents/${g}/revoke`), registrar);
  const revokedAt = performance.now();
  for (;;) {
    const a = await send(agent, 'GET', url('records', `/records/${recordId}`), doctorB);
    if (a.status === 403) break;
    await sleep(2);
  }
  delays.push(performance.now() - revokedAt);
}
delays.sort((a, b) => a - b);
process.stdout.write(
  `  ${delays.length} revocations: median ${median(delays).toFixed(0)} ms, max ${delays[delays.length - 1]!.toFixed(0)} ms (each poll is itself an audited read)\n`,
);
agent.destroy();
