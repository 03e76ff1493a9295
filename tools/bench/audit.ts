// npm run bench:audit -- [--accesses 10000] [--c 16] [--requests 200] [--runs 3]
// Against the running stack (npm start / npm run stack:up): one patient at hospital-a
// whose record clinic-b reads `accesses` times on a grant (each read an AccessDecided
// on records.access.v1, a disclosure). Once audit holds them all, it times the
// patient's accounting of disclosures over HTTP:
//  - a page: GET /patients/:id/disclosures?limit=100 (the first page), `requests` times;
//  - the whole accounting: every page of 1,000 from the first to the last, `runs` times.
// Target (issue 12): p99 ≤ 200 ms for a patient with 10,000 accesses.
import { Agent } from 'node:http';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheDir } from '../devnet/lib/paths.ts';
import { mintToken } from '../token/token.ts';
import { load, median, percentile, send } from './lib/http-load.ts';
import { syntheticRegistration } from './lib/synthetic-person.ts';
import { arg, url } from './lib/bench-args.ts';

const accesses = arg('accesses', 10_000);
const c = arg('c', 16);
const requests = arg('requests', 200);
const runs = arg('runs', 3);
const bearer = async (sub: string, role: 'registrar' | 'clinician' | 'patient', org: string) => ({
  authorization: `Bearer ${await mintToken(cacheDir(), { sub, roles: [role], org, ttlSeconds: 3600 })}`,
});
const registrar = await bearer('bench-clerk', 'registrar', 'hospital-a');
const doctorA = await bearer('bench-dr-a', 'clinician', 'hospital-a');
const doctorB = await bearer('bench-dr-b', 'clinician', 'clinic-b');
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

const registered = await send(agent, 'POST', url('identity', '/patients'), registrar, JSON.stringify(syntheticRegistration(Date.now() % 1_000_000)));
if (registered.status !== 201) throw new Error(`identity: ${registered.status} ${registered.body}`);
const patientId = (JSON.parse(registered.body) as { id: string }).id;
const patient = await bearer(patientId, 'patient', 'patients');
const granted = await send(
  agent,
  'POST',
  url('consent', '/consents'),
  registrar,
  JSON.stringify({ patientId, grantee: { organisation: 'clinic-b' }, categories: ['conditions'], purposes: ['TREAT'] }),
);
if (granted.status !== 201) throw new Error(`consent: ${granted.status} ${granted.body}`);
const condition = JSON.stringify({
  resourceType: 'Condition',
  subject: { reference: `Patient/${patientId}` },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }] },
});
let recordId = '';
for (let i = 0; !recordId; i++) {
  const w = await send(agent, 'POST', url('records', `/patients/${patientId}/records`), doctorA, condition);
  if (w.status === 201) recordId = (JSON.parse(w.body) as { recordId: string }).recordId;
  else if (i > 200) throw new Error(`records never saw the patient: ${w.status} ${w.body}`);
  else await sleep(50);
}
for (let i = 0; (await send(agent, 'GET', url('records', `/records/${recordId}`), doctorB)).status !== 200; i++) {
  if (i > 200) throw new Error('records never saw the grant');
  await sleep(50);
}

process.stdout.write(`bench:audit  ${accesses} disclosures of one patient, ${c} reads in flight, ${cpus().length} cores shared with the stack\n`);
const reads = await load(
  accesses - 1,
  c,
  (_i, a) => send(a, 'GET', url('records', `/records/${recordId}`), doctorB),
  (a) => a.status === 200,
);
process.stdout.write(`  made the accesses: ${reads.perSecond.toFixed(0)} reads/s (failures ${reads.failures})\n`);

/** Every page of the accounting; returns how many disclosures it holds. */
async function walk(limit: number): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const path: string = `/patients/${patientId}/disclosures?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const a = await send(agent, 'GET', url('audit', path), patient);
    if (a.status !== 200) throw new Error(`audit: ${a.status} ${a.body}`);
    const page = JSON.parse(a.body) as { disclosures: unknown[]; next: string | null };
    count += page.disclosures.length;
    cursor = page.next;
  } while (cursor !== null);
  return count;
}

const caughtUp = performance.now();
for (let seen = 0; seen < accesses; seen = await walk(1000)) {
  if (performance.now() - caughtUp > 120_000) throw new Error(`audit holds ${seen} of ${accesses} disclosures after 2 minutes`);
  await sleep(500);
}
process.stdout.write(`  audit caught up with ${accesses} disclosures\n`);

const page = await load(
  requests,
  4,
  (_i, a) => send(a, 'GET', url('audit', `/patients/${patientId}/disclosures?limit=100`), patient),
  (a) => a.status === 200,
);
process.stdout.write(
  `  first page of 100: ${page.perSecond.toFixed(0)} requests/s p50 ${page.p50.toFixed(1)} ms p99 ${page.p99.toFixed(1)} ms (failures ${page.failures})\n`,
);
const walks: number[] = [];
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const n = await walk(1000);
  walks.push(performance.now() - t0);
  process.stdout.write(`  whole accounting, run ${r + 1}: ${n} disclosures in pages of 1,000, ${walks.at(-1)!.toFixed(0)} ms\n`);
}
const sorted = [...walks].sort((a, b) => a - b);
process.stdout.write(
  `  median whole accounting ${median(walks).toFixed(0)} ms, slowest ${percentile(sorted, 99).toFixed(0)} ms; page p99 ${page.p99.toFixed(1)} ms (target ≤ 200 ms)\n`,
);
agent.destroy();
