// A light load generator for the benches: keep-alive node:http (fetch costs the
// shared 2 cores more than the services it measures), fixed concurrency, per-request
// latency, throughput, percentiles.
import { Agent, request } from 'node:http';

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

export function send(agent: Agent, method: string, url: URL, headers: Record<string, string>, payload?: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: { ...headers, ...(payload !== undefined && { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }) },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (data += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface LoadResult {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failures: number;
}

/** Runs `n` requests made by `make(i)` with `c` in flight; a request counts as failed unless `ok` says so. */
export async function load(n: number, c: number, make: (i: number, agent: Agent) => Promise<HttpAnswer>, ok: (a: HttpAnswer) => boolean): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: c });
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (next < n) {
        const i = next++;
        const start = performance.now();
        const answer = await make(i, agent).catch(() => ({ status: 0, body: '' }));
        latencies.push(performance.now() - start);
        if (!ok(answer)) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { perSecond: n / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}
