// npm run bench:pipeline -- [--n 5000] [--c 64] [--runs 3]
// Registers N patients over HTTP with concurrency C against the running stack
// (npm start / npm run stack:up) and measures, per registration, the time from
// sending the request until its event is visible in audit's read model in Redis.
// Prints throughput and p50/p99 for the HTTP answer and for read-model visibility.
//
// The load generator shares the 2 cores with the stack, so it is kept light: a
// keep-alive node:http agent rather than fetch, and Redis keyspace notifications
// (switched on for the run, restored after) rather than polling for each event.
import { Agent } from 'node:http';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot, cacheDir } from '../devnet/lib/paths.ts';
import { host, port } from '../devnet/lib/ports.ts';
import { serviceUrl } from '../devnet/services.ts';
import { devnetAdminLogins } from '../devnet/lib/data-plane-credentials.ts';
import { mintToken } from '../token/token.ts';
import { syntheticRegistration } from './lib/synthetic-person.ts';
import { median, percentile, send, type HttpAnswer } from './lib/http-load.ts';
import { arg } from './lib/bench-args.ts';

const require = createRequire(`${repoRoot}/package.json`);
const { Redis } = require('ioredis');

function body(i: number) {
  return JSON.stringify(syntheticRegistration(i));
}

const AUDIT_KEY_PREFIX = 'rm:audit.trail:event:';

function post(url: URL, agent: Agent, token: string, payload: string): Promise<HttpAnswer> {
  return send(agent, 'POST', url, { authorization: `Bearer ${token}` }, payload);
}

async function once(n: number, c: number, identityUrl: string, token: string, subscriber: InstanceType<typeof Redis>) {
  const sentAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  const answered: number[] = [];
  const visible: number[] = [];
  let next = 0;
  let failures = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: c });
  const url = new URL('/patients', identityUrl);
  // An event may become visible before its HTTP answer arrives: keep both times.
  const onKey = (_pattern: string, channel: string) => {
    const id = channel.slice(channel.indexOf(AUDIT_KEY_PREFIX) + AUDIT_KEY_PREFIX.length);
    const now = performance.now();
    const start = sentAt.get(id);
    if (start === undefined) seenAt.set(id, now);
    else if (!seenAt.has(id)) {
      seenAt.set(id, now);
      visible.push(now - start);
    }
  };
  subscriber.on('pmessage', onKey);
  const t0 = performance.now();
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const start = performance.now();
      const res = await post(url, agent, token, body(i));
      if (res.status !== 201) {
        failures++;
        continue;
      }
      const { eventId } = JSON.parse(res.body) as { eventId: string };
      answered.push(performance.now() - start);
      sentAt.set(eventId, start);
      const early = seenAt.get(eventId);
      if (early !== undefined) visible.push(early - start);
    }
  };
  await Promise.all(Array.from({ length: c }, worker));
  const httpDone = performance.now();
  const deadline = httpDone + 30_000;
  while (visible.length < answered.length && performance.now() < deadline) await sleep(5);
  subscriber.off('pmessage', onKey);
  agent.destroy();
  const seconds = (performance.now() - t0) / 1000;
  // Sustained throughput: events visible in the read model per second of the whole run.
  answered.sort((a, b) => a - b);
  visible.sort((a, b) => a - b);
  return {
    throughput: visible.length / seconds,
    httpThroughput: answered.length / ((httpDone - t0) / 1000),
    p50Answer: percentile(answered, 50),
    p99Answer: percentile(answered, 99),
    p50Visible: percentile(visible, 50),
    p99Visible: percentile(visible, 99),
    lost: answered.length - visible.length,
    failures,
  };
}

const n = arg('n', 5000);
const c = arg('c', 64);
const runs = arg('runs', 3);
const identityUrl = process.env.IDENTITY_URL ?? serviceUrl('identity', process.env, host());
const redisUrl = process.env.REDIS_URL ?? `redis://${host()}:${port('REDIS_PORT', 6379)}`;
// The devnet's Redis admin: the run switches keyspace notifications on and off.
const login = process.env.REDIS_URL ? {} : (devnetAdminLogins().redis ?? {});
const admin = new Redis(redisUrl, login);
const redis = new Redis(redisUrl, login);
const previousNotify = ((await admin.config('GET', 'notify-keyspace-events')) as string[])[1] ?? '';
await admin.config('SET', 'notify-keyspace-events', 'K$');
await redis.psubscribe(`__keyspace@0__:${AUDIT_KEY_PREFIX}*`);
const token = await mintToken(cacheDir(), { sub: 'bench', roles: ['registrar'], org: 'bench-org', ttlSeconds: 3600 });
process.stdout.write(`bench:pipeline  n=${n} concurrency=${c} runs=${runs}  node ${process.version}, ${cpus().length} cores  ${new Date().toISOString()}\n`);
await once(Math.min(500, n), c, identityUrl, token, redis); // warm-up: JIT, connections, consumer fetch loops
const results = [];
for (let r = 0; r < runs; r++) {
  const res = await once(n, c, identityUrl, token, redis);
  results.push(res);
  process.stdout.write(
    `  run ${r + 1}: ${res.throughput.toFixed(0)} registrations/s visible in audit; HTTP 201 p50 ${res.p50Answer.toFixed(1)} ms p99 ${res.p99Answer.toFixed(1)} ms; request→read model p50 ${res.p50Visible.toFixed(1)} ms p99 ${res.p99Visible.toFixed(1)} ms; failures ${res.failures}, not seen ${res.lost}\n`,
  );
}
process.stdout.write(
  `median of ${runs}: ${median(results.map((r) => r.throughput)).toFixed(0)} registrations/s, request→read model p50 ${median(results.map((r) => r.p50Visible)).toFixed(1)} ms, p99 ${median(results.map((r) => r.p99Visible)).toFixed(1)} ms\n`,
);
await admin.config('SET', 'notify-keyspace-events', previousNotify);
admin.disconnect();
redis.disconnect();
