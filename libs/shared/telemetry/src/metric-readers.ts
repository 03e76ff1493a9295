// Where metrics go, from the environment:
//   CARECHAIN_METRICS_EXPORTERS  comma list of `otlp` and `prometheus`; default
//                                `otlp` when OTEL_EXPORTER_OTLP_ENDPOINT is set,
//                                otherwise none (instruments cost nothing then)
//   OTEL_METRIC_EXPORT_INTERVAL  OTLP push interval in ms (default 15000)
//   CARECHAIN_METRICS_PORT       Prometheus scrape port (default 9464, path /metrics)
//   CARECHAIN_METRICS_HOST       Prometheus bind address (default 0.0.0.0)
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { PeriodicExportingMetricReader, type MetricReader } from '@opentelemetry/sdk-metrics';

export const METRIC_EXPORTERS = ['otlp', 'prometheus'] as const;
export type MetricExporterKind = (typeof METRIC_EXPORTERS)[number];

export class MetricsConfigError extends Error {
  override readonly name = 'MetricsConfigError';
}

/** The exporters the environment asks for, validated (unknown names and OTLP without an endpoint are errors). */
export function metricExporterKinds(env: NodeJS.ProcessEnv, otlpEndpoint: string | undefined): MetricExporterKind[] {
  const raw = env.CARECHAIN_METRICS_EXPORTERS;
  const names = (raw ?? (otlpEndpoint ? 'otlp' : ''))
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '' && n !== 'none');
  const unknown = names.filter((n) => !(METRIC_EXPORTERS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new MetricsConfigError(
      `CARECHAIN_METRICS_EXPORTERS: unknown exporter ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${METRIC_EXPORTERS.join(', ')}, none)`,
    );
  }
  if (names.includes('otlp') && !otlpEndpoint) {
    throw new MetricsConfigError('CARECHAIN_METRICS_EXPORTERS: otlp needs OTEL_EXPORTER_OTLP_ENDPOINT');
  }
  return [...new Set(names)] as MetricExporterKind[];
}

function port(env: NodeJS.ProcessEnv): number {
  const value = Number(env.CARECHAIN_METRICS_PORT ?? 9464);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new MetricsConfigError(`CARECHAIN_METRICS_PORT: not a port: ${env.CARECHAIN_METRICS_PORT}`);
  return value;
}

export function metricReaders(env: NodeJS.ProcessEnv, otlpEndpoint: string | undefined): MetricReader[] {
  return metricExporterKinds(env, otlpEndpoint).map((kind) =>
    kind === 'otlp'
      ? new PeriodicExportingMetricReader({
          exporter: new OTLPMetricExporter({ url: `${otlpEndpoint!.replace(/\/$/, '')}/v1/metrics` }),
          exportIntervalMillis: Number(env.OTEL_METRIC_EXPORT_INTERVAL ?? 15_000),
        })
      : new PrometheusExporter({ port: port(env), host: env.CARECHAIN_METRICS_HOST ?? '0.0.0.0' }),
  );
}
