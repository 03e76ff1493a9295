// npm run bench:records -- [--n 3000] [--c 16] [--runs 3]
// Against the running stack (npm start / npm run stack:up):
//  - encrypted writes: POST /patients/:id/records (FHIR validation, sealing under the
//    patient's key, RecordWritten acknowledged by Kafka, read model caught up);
//  - consented reads: GET /records/:id by another organisation holding a grant (the
//    decision in process, decryption in memory, AccessDecided acknowledged by Kafka).
// Prints records/s and p50/p99 of each, median of the runs.
import type { Role } from '../../libs/shared/auth/src/roles.ts';
import { Agent } from 'node:http';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheDir } from '../devnet/lib/paths.ts';
import { mintToken } from '../token/token.ts';
import { load, median, send, type LoadResult } from './lib/http-load.ts';
import { syntheticRegistration } from './lib/synthetic-person.ts';
import { arg, url } from './lib/bench-args.ts';

const n = arg('n', 3000);
const c = arg('c', 16);
const runs = arg('runs', 3);
const PATIENTS = 20;
const bearer = async (sub: string, role: Role, org: string) => ({
  authorization: `Bearer ${await mintToken(cacheDir(), { sub, roles: [role], org, ttlSeconds: 3600 })}`,
});
const registrar = await bearer('bench-clerk', 'registrar', 'hospital-a');
const doctorA = await bearer('bench-dr-a', 'clinician', 'hospital-a');
const doctorB = await bearer('bench-dr-b', 'clinician', 'clinic-b');
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

const observation = (patientId: string, i: number) =>
  JSON.stringify({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: '2026-11-25T10:00:00Z',
    valueQuantity: { value: 60 + (i % 40), unit: 'beats/minute', system: 'http://unitsofmeasure.org', code: '/min' },
  });

const patients: string[] = [];
for (let i = 0; i < PATIENTS; i++) {
  const a = await send(agent, 'POST', url('identity', '/patients'), registrar, JSON.stringify(syntheticRegistration(i)));
  if (a.status !== 201) throw new Error(`identity: ${a.status} ${a.body}`);
  const id = (JSON.parse(a.body) as { id: string }).id;
  patients.push(id);
  const g = await send(
    agent,
    'POST',
    url('consent', '/consents'),
    registrar,
    JSON.stringify({ patientId: id, grantee: { organisation: 'clinic-b' }, categories: ['observations'], purposes: ['TREAT'] }),
  );
  if (g.status !== 201) throw new Error(`consent: ${g.status} ${g.body}`);
}
// records learns of patients and grants through its replicas: wait until the last one is there.
for (let i = 0; ; i++) {
  const a = await send(agent, 'POST', url('records', `/patients/${patients[PATIENTS - 1]}/records`), doctorA, observation(patients[PATIENTS - 1]!, 0));
  if (a.status === 201) break;
  if (i > 200) throw new Error(`records never saw the patients: ${a.status} ${a.body}`);
  await sleep(50);
}

process.stdout.write(
  `bench:records  ${n} requests per run, ${c} in flight, ${runs} runs, ${PATIENTS} patients, ${cpus().length} cores shared with the stack\n`,
);
const written: string[] = [];
const writes: LoadResult[] = [];
const reads: LoadResult[] = [];
for (let r = 0; r < runs; r++) {
  const w = await load(
    n,
    c,
    async (i, a) => {
      const answer = await send(a, 'POST', url('records', `/patients/${patients[i % PATIENTS]}/records`), doctorA, observation(patients[i % PATIENTS]!, i));
      if (answer.status === 201) written.push((JSON.parse(answer.body) as { recordId: string }).recordId);
      return answer;
    },
    (a) => a.status === 201,
  );
  writes.push(w);
  const rd = await load(
    n,
    c,
    (i, a) => send(a, 'GET', url('records', `/records/${written[i % written.length]}`), doctorB),
    (a) => a.status === 200,
  );
  reads.push(rd);
  process.stdout.write(
    `  run ${r + 1}: writes ${w.perSecond.toFixed(0)}/s p50 ${w.p50.toFixed(1)} ms p99 ${w.p99.toFixed(1)} ms (failures ${w.failures}); consented reads ${rd.perSecond.toFixed(0)}/s p50 ${rd.p50.toFixed(1)} ms p99 ${rd.p99.toFixed(1)} ms (failures ${rd.failures})\n`,
  );
}
const m = (xs: LoadResult[], f: (x: LoadResult) => number) => median(xs.map(f)).toFixed(1);
process.stdout.write(
  `  median: writes ${m(writes, (x) => x.perSecond)}/s p99 ${m(writes, (x) => x.p99)} ms; consented reads ${m(reads, (x) => x.perSecond)}/s p99 ${m(reads, (x) => x.p99)} ms\n`,
);
agent.destroy();
