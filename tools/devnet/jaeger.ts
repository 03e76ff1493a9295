// Jaeger v2 for the devnet's optional observability (npm start -- --observe, or
// CARECHAIN_OBSERVE=1): built once with Go from the module proxy at v1.75.0 (pinned in
// tools/jaeger/go.mod and go.sum) and cached like Fabric's binaries; run with an
// in-memory store, an OTLP/HTTP receiver the services export traces and metrics
// to, the UI and query API (/api/traces) on JAEGER_UI_PORT, and every service's
// metrics for Prometheus on JAEGER_METRICS_PORT (/metrics, a service_name label each).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goEnv } from './fabric-binaries.ts';
import { cacheDir, repoRoot, stateDir } from './lib/paths.ts';
import { host, port } from './lib/ports.ts';
import { assertPortFree, run, startProcess, waitFor } from './lib/proc.ts';

export const JAEGER_VERSION = '1.75.0';
const moduleDir = join(repoRoot, 'tools', 'jaeger');

export interface JaegerHandle {
  /** Where services send OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT). */
  readonly otlpEndpoint: string;
  /** The UI, and the query API under /api. */
  readonly uiUrl: string;
  /** Every service's metrics in Prometheus text format. */
  readonly metricsUrl: string;
  stop(): Promise<void>;
}

export async function ensureJaegerBinary(log: (m: string) => void = () => undefined): Promise<string> {
  const root = join(cacheDir(), 'jaeger', JAEGER_VERSION);
  const bin = join(root, 'bin', 'jaeger');
  const stamp = join(root, 'stamp');
  const want = createHash('sha256')
    .update(readFileSync(join(moduleDir, 'go.mod')))
    .update(readFileSync(join(moduleDir, 'go.sum')))
    .digest('hex')
    .slice(0, 16);
  if (existsSync(bin) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return bin;
  const started = Date.now();
  log(`building Jaeger ${JAEGER_VERSION} with Go from the module proxy (once; a few minutes on 2 cores)`);
  mkdirSync(join(root, 'bin'), { recursive: true });
  const ldflags = `-X github.com/jaegertracing/jaeger/internal/version.latestVersion=v${JAEGER_VERSION}`;
  await run('go', ['build', '-trimpath', '-ldflags', ldflags, '-o', `${bin}.partial`, 'github.com/jaegertracing/jaeger/cmd/jaeger'], {
    cwd: moduleDir,
    env: goEnv(),
  });
  renameSync(`${bin}.partial`, bin);
  writeFileSync(stamp, want);
  log(`Jaeger built in ${((Date.now() - started) / 1000).toFixed(0)} s into ${bin}`);
  return bin;
}

/** The collector configuration: OTLP/HTTP in, memory storage, the query UI; nothing else listens. */
function config(h: string, ports: { otlpHttp: number; ui: number; uiGrpc: number; health: number; metrics: number }): string {
  return `service:
  extensions: [jaeger_storage, jaeger_query, healthcheckv2]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
    metrics:
      receivers: [otlp]
      processors: [batch]
      exporters: [prometheus]
  telemetry:
    resource: { service.name: jaeger }
    metrics: { level: none }
    logs: { level: warn }
extensions:
  jaeger_storage:
    backends:
      devnet: { memory: { max_traces: 100000 } }
  jaeger_query:
    storage: { traces: devnet }
    enable_tracing: false
    http: { endpoint: "${h}:${ports.ui}" }
    grpc: { endpoint: "${h}:${ports.uiGrpc}" }
  healthcheckv2:
    use_v2: true
    http: { endpoint: "${h}:${ports.health}" }
receivers:
  otlp:
    protocols:
      http: { endpoint: "${h}:${ports.otlpHttp}" }
processors:
  batch: {}
exporters:
  jaeger_storage_exporter: { trace_storage: devnet }
  prometheus:
    endpoint: "${h}:${ports.metrics}"
    resource_to_telemetry_conversion: { enabled: true }
`;
}

export async function startJaeger(opts: { env?: NodeJS.ProcessEnv; log?: (m: string) => void } = {}): Promise<JaegerHandle> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? (() => undefined);
  const bin = await ensureJaegerBinary(log);
  const h = host(env);
  const ports = {
    otlpHttp: port('JAEGER_OTLP_HTTP_PORT', 4318, env),
    ui: port('JAEGER_UI_PORT', 16686, env),
    uiGrpc: port('JAEGER_QUERY_GRPC_PORT', 16685, env),
    health: port('JAEGER_HEALTH_PORT', 13133, env),
    metrics: port('JAEGER_METRICS_PORT', 8889, env),
  };
  for (const [name, p] of Object.entries(ports)) await assertPortFree(h, p, `jaeger (${name})`);
  const dir = join(stateDir(env), 'jaeger');
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'config.yaml');
  writeFileSync(configFile, config(h, ports));
  const proc = startProcess('jaeger', bin, ['--config', configFile], { cwd: dir, env, logFile: join(dir, 'jaeger.log') });
  const uiUrl = `http://${h}:${ports.ui}`;
  await waitFor(`jaeger's query API on ${uiUrl}`, async () => (await fetch(`${uiUrl}/api/services`)).ok, { proc, timeoutMs: 60_000, intervalMs: 250 });
  const metricsUrl = `http://${h}:${ports.metrics}/metrics`;
  log(`jaeger ${JAEGER_VERSION}: OTLP/HTTP on http://${h}:${ports.otlpHttp}, UI on ${uiUrl}, metrics on ${metricsUrl}`);
  return { otlpEndpoint: `http://${h}:${ports.otlpHttp}`, uiUrl, metricsUrl, stop: () => proc.stop() };
}

if (import.meta.main) {
  const bin = await ensureJaegerBinary((m) => console.log(m));
  console.log(bin);
}
