// The telemetry bootstrap: must run before anything requires http or ioredis, so
// each app's main.ts calls startTelemetry() first and loads the app afterwards.
//
// Only http and ioredis are auto-instrumented (full auto-instrumentation costs
// most of the throughput). Kafka spans are made by @carechain/messaging itself:
// its producer batches many requests' messages into one Kafka call, and only it
// knows which request each message belongs to, so a generic kafkajs patch would
// put every message of a batch into whichever trace triggered the flush.
import { metrics } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { metricReaders, MetricsConfigError } from './metric-readers';

let sdk: NodeSDK | undefined;
let meterProvider: MeterProvider | undefined;

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  /** Defaults to OTEL_EXPORTER_OTLP_ENDPOINT; without one, spans exist (for log correlation and propagation) but are not exported. */
  otlpEndpoint?: string;
}

export function startTelemetry(options: TelemetryOptions): void {
  if (sdk) return;
  const endpoint = options.otlpEndpoint ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const spanProcessors: SpanProcessor[] = endpoint
    ? [
        new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }), {
          // Short delay: a trace should be visible in seconds, and the batch still amortises the export.
          scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY ?? 500),
        }),
      ]
    : [];
  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: options.serviceName,
    [ATTR_SERVICE_VERSION]: options.serviceVersion ?? '0.1.0',
  });
  // HTTP metrics and span attributes by the stable semantic conventions
  // (http.server.request.duration, http.route, http.response.status_code).
  process.env.OTEL_SEMCONV_STABILITY_OPT_IN ??= 'http';
  // The meter provider is ours, not the NodeSDK's, so that several readers (OTLP
  // and a Prometheus endpoint) can collect at once; it is global before the
  // instrumentations below are made, because they take their meter when built.
  const readers = readersOrExit(options.serviceName, endpoint);
  if (readers.length > 0) {
    meterProvider = new MeterProvider({ resource, readers });
    metrics.setGlobalMeterProvider(meterProvider);
  }
  sdk = new NodeSDK({
    resource,
    spanProcessors,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and docs are noise in a trace backend.
        ignoreIncomingRequestHook: (req) => /^\/(health|docs|openapi\.json)/.test(req.url ?? ''),
        // Outgoing calls of the OTLP exporter itself must not be traced.
        ignoreOutgoingRequestHook: () => true,
      }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
}

function readersOrExit(serviceName: string, endpoint: string | undefined) {
  try {
    return metricReaders(process.env, endpoint);
  } catch (err) {
    if (!(err instanceof MetricsConfigError)) throw err;
    // Like startService's configuration check: name the variable, no stack trace.
    process.stderr.write(`${serviceName}: ${err.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

export async function shutdownTelemetry(): Promise<void> {
  const [current, provider] = [sdk, meterProvider];
  sdk = undefined;
  meterProvider = undefined;
  await Promise.all([current?.shutdown(), provider?.shutdown()]);
}
