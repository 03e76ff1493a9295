// What an SRE looks at, on the real stack: one registration's trace in Jaeger —
// from the HTTP request through the Kafka produce to the Fabric batch that anchored
// the event (a span link from the batch to the request's span), found through
// Jaeger's own query API — and the services' metrics, pushed over OTLP and served
// by Jaeger's Prometheus endpoint. Jaeger is started by the test infrastructure
// (tools/test/infra.ts); CARECHAIN_TEST_JAEGER=0 leaves it out and skips this.
import { randomBytes } from 'node:crypto';
import { receiptsFor } from './support/receipts';
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { testPatient } from './support/patients';
import { token } from './support/tokens';

interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  processID: string;
  references: { refType: string; traceID: string; spanID: string }[];
  tags: { key: string; value: unknown }[];
}
interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string }>;
}

const jaegerUi = process.env.CARECHAIN_TEST_JAEGER_UI;
const describeWithJaeger = jaegerUi ? describe : describe.skip;
if (!jaegerUi) process.stderr.write('jaeger-trace: skipped (CARECHAIN_TEST_JAEGER=0: the test infrastructure started no Jaeger)\n');

async function jaeger<T>(path: string): Promise<T | undefined> {
  const res = await fetch(`${jaegerUi}${path}`);
  if (!res.ok) return undefined;
  return ((await res.json()) as { data: T }).data;
}

const serviceOf = (t: JaegerTrace, s: JaegerSpan) => t.processes[s.processID]?.serviceName;
const tag = (s: JaegerSpan, key: string) => s.tags.find((t) => t.key === key)?.value;

describeWithJaeger('traces and metrics in Jaeger', () => {
  let identity: ServiceProcess;
  let writer: ServiceProcess;
  const telemetry = () => ({
    OTEL_EXPORTER_OTLP_ENDPOINT: process.env.CARECHAIN_TEST_JAEGER_OTLP!,
    OTEL_BSP_SCHEDULE_DELAY: '100',
    CARECHAIN_METRICS_EXPORTERS: 'otlp',
    OTEL_METRIC_EXPORT_INTERVAL: '1000',
  });

  beforeAll(async () => {
    [identity, writer] = await Promise.all([
      startServiceProcess('identity', telemetry()),
      startServiceProcess('ledger-writer', { ...telemetry(), LEDGER_BATCH_MAX_WAIT_MS: '200' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([identity?.stop(), writer?.stop()]);
  });

  it('shows one registration from the HTTP request through Kafka to the Fabric batch that anchored it', async () => {
    // The caller starts the trace, as a client with its own tracing would.
    const traceId = randomBytes(16).toString('hex');
    const res = await fetch(`${identity.url}/patients`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await token({ sub: 'registrar-1', roles: ['registrar'], org: 'hospital-a' })}`,
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify(testPatient(9101).body),
    });
    expect(res.status).toBe(201);
    const { eventId } = (await res.json()) as { eventId: string };
    const receipts = await receiptsFor([eventId]);
    expect(receipts.get(eventId)).toHaveLength(1);
    const batchId = receipts.get(eventId)![0]!.batchId;

    // The request's own trace: identity's server span (named by its route) and its Kafka produce.
    const request = await eventually(
      'the registration trace in Jaeger',
      async () => {
        const [t] = (await jaeger<JaegerTrace[]>(`/api/traces/${traceId}`)) ?? [];
        return t?.spans.some((s) => tag(s, 'span.kind') === 'server') && t.spans.some((s) => tag(s, 'messaging.destination.name') === 'identity.patient.v1')
          ? t
          : undefined;
      },
      30_000,
      250,
    );
    const server = request.spans.find((s) => tag(s, 'span.kind') === 'server')!;
    expect(serviceOf(request, server)).toBe('identity');
    expect(tag(server, 'http.route')).toBe('/patients');
    expect(tag(server, 'http.response.status_code')).toBe(201);
    // The patient's keys are produced first, then the registration.
    const produced = request.spans.filter((s) => tag(s, 'span.kind') === 'producer').map((s) => tag(s, 'messaging.destination.name'));
    expect(produced).toEqual(expect.arrayContaining(['identity.keys.v1', 'identity.patient.v1']));

    // The batch that anchored it, in ledger-writer's own trace, linked back to this request.
    const batch = await eventually(
      "ledger-writer's anchor span for the batch",
      async () => {
        const traces =
          (await jaeger<JaegerTrace[]>(`/api/traces?service=ledger-writer&operation=${encodeURIComponent('anchor batch')}&limit=200&lookback=1h`)) ?? [];
        for (const t of traces) {
          const span = t.spans.find((s) => s.operationName === 'anchor batch' && tag(s, 'carechain.batch.id') === batchId);
          if (span) return span;
        }
        return undefined;
      },
      30_000,
      500,
    );
    expect(batch.references.some((r) => r.traceID === traceId)).toBe(true);
    expect(tag(batch, 'carechain.batch.tx_id')).toBe(receipts.get(eventId)![0]!.txId);
  });

  it("serves every service's metrics for Prometheus: HTTP per route, consumer lag, Fabric commits, MPI outcomes", async () => {
    const wanted = [
      /^http_server_request_duration[a-z_]*_count\{[^}]*http_route="\/patients"[^}]*service_name="identity"/m,
      /^carechain_mpi_registrations[a-z_]*\{[^}]*carechain_mpi_outcome="registered"[^}]*service_name="identity"/m,
      /^carechain_fabric_submit_duration[a-z_]*_count\{[^}]*carechain_fabric_function="anchor:AnchorBatch"[^}]*carechain_fabric_outcome="committed"[^}]*service_name="ledger-writer"/m,
      /^carechain_messaging_consumer_lag[a-z_]*\{[^}]*messaging_consumer_group_name="carechain\.ledger-writer[^"]*"[^}]*service_name="ledger-writer"/m,
    ];
    const text = await eventually(
      'the metrics in Jaeger',
      async () => {
        const body = await (await fetch(process.env.CARECHAIN_TEST_JAEGER_METRICS!)).text();
        return wanted.every((w) => w.test(body)) ? body : undefined;
      },
      30_000,
      500,
    ).catch(async (err: Error) => {
      const body = await (await fetch(process.env.CARECHAIN_TEST_JAEGER_METRICS!)).text();
      throw new Error(`${err.message}; missing: ${wanted.filter((w) => !w.test(body)).join(', ')}`);
    });
    // No series is labelled with an id: every label value comes from a small, fixed set.
    expect(text).not.toMatch(/="[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/);
  });
});
