import { createServer } from 'node:net';
import { metrics } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { metricExporterKinds, metricReaders, MetricsConfigError } from './metric-readers';
import { counter, METRICS } from './metrics';

describe('metricExporterKinds', () => {
  it('exports nothing without an endpoint or a choice', () => {
    expect(metricExporterKinds({}, undefined)).toEqual([]);
  });

  it('pushes OTLP when an OTLP endpoint is set', () => {
    expect(metricExporterKinds({}, 'http://collector:4318')).toEqual(['otlp']);
  });

  it('takes an explicit list, deduplicated, and none', () => {
    expect(metricExporterKinds({ CARECHAIN_METRICS_EXPORTERS: 'prometheus, otlp,prometheus' }, 'http://c:4318')).toEqual(['prometheus', 'otlp']);
    expect(metricExporterKinds({ CARECHAIN_METRICS_EXPORTERS: 'none' }, 'http://c:4318')).toEqual([]);
  });

  it('refuses an unknown exporter, naming the variable and the known ones', () => {
    expect(() => metricExporterKinds({ CARECHAIN_METRICS_EXPORTERS: 'statsd' }, undefined)).toThrow(
      new MetricsConfigError('CARECHAIN_METRICS_EXPORTERS: unknown exporter "statsd" (known: otlp, prometheus, none)'),
    );
  });

  it('refuses OTLP without an endpoint', () => {
    expect(() => metricExporterKinds({ CARECHAIN_METRICS_EXPORTERS: 'otlp' }, undefined)).toThrow(/needs OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  it('refuses a Prometheus port that is not a port', () => {
    expect(() => metricReaders({ CARECHAIN_METRICS_EXPORTERS: 'prometheus', CARECHAIN_METRICS_PORT: '70000' }, undefined)).toThrow(/CARECHAIN_METRICS_PORT/);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the Prometheus endpoint', () => {
  it('serves what the services record, in Prometheus names', async () => {
    const port = await freePort();
    const readers = metricReaders(
      { CARECHAIN_METRICS_EXPORTERS: 'prometheus', CARECHAIN_METRICS_PORT: String(port), CARECHAIN_METRICS_HOST: '127.0.0.1' },
      undefined,
    );
    expect(readers[0]).toBeInstanceOf(PrometheusExporter);
    const provider = new MeterProvider({ readers });
    metrics.setGlobalMeterProvider(provider);
    try {
      counter(METRICS.mpiRegistrations).add(5, { 'carechain.mpi.outcome': 'linked' });
      let text = '';
      for (let attempt = 0; attempt < 50 && !text.includes('carechain_mpi_registrations'); attempt++) {
        text = await fetch(`http://127.0.0.1:${port}/metrics`)
          .then((r) => r.text())
          .catch(() => '');
        if (!text) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(text).toMatch(/carechain_mpi_registrations_total\{carechain_mpi_outcome="linked"[^}]*\} 5/);
    } finally {
      await provider.shutdown();
      metrics.disable();
    }
  });
});
