// One trace from the HTTP request through the Kafka produce to both consumers'
// processing, collected by an OTLP/HTTP receiver inside the test.
import { createServer, type Server } from 'node:http';
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { token } from './support/tokens';
import { testPatient } from './support/patients';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
}
interface CollectedSpan extends OtlpSpan {
  service: string;
}

function otlpReceiver(spans: CollectedSpan[]): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const payload = JSON.parse(body) as {
        resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      for (const rs of payload.resourceSpans) {
        const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const ss of rs.scopeSpans) for (const s of ss.spans) spans.push({ ...s, service });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// OTLP span kinds: 2 server, 4 producer, 5 consumer.
const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

describe('one trace across HTTP, Kafka and both consumers', () => {
  const spans: CollectedSpan[] = [];
  let receiver: Server;
  let identity: ServiceProcess;
  let audit: ServiceProcess;

  beforeAll(async () => {
    receiver = await otlpReceiver(spans);
    const address = receiver.address();
    const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' };
    [identity, audit] = await Promise.all([startServiceProcess('identity', otel), startServiceProcess('audit', otel)]);
  });

  afterAll(async () => {
    await Promise.all([identity?.stop(), audit?.stop()]);
    receiver?.close();
  });

  it('puts the request, the produce and both consumers in one trace', async () => {
    const res = await fetch(`${identity.url}/patients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token({ sub: 'r', roles: ['registrar'], org: 'hospital-a' })}` },
      body: JSON.stringify(testPatient(7).body),
    });
    expect(res.status).toBe(201);

    const trace = await eventually(
      'the spans of the registration',
      async () => {
        const server = spans.find((s) => s.kind === SERVER && s.service === 'identity' && s.name.includes('POST'));
        if (!server) return undefined;
        const inTrace = spans.filter((s) => s.traceId === server.traceId);
        const consumers = inTrace.filter((s) => s.kind === CONSUMER && s.name === 'process identity.patient.v1');
        const services = new Set(consumers.map((s) => s.service));
        return services.has('identity') && services.has('audit') ? { server, inTrace } : undefined;
      },
      20_000,
    );
    const producer = trace.inTrace.find((s) => s.kind === PRODUCER && s.name === 'send identity.patient.v1');
    expect(producer).toBeDefined();
    expect(producer!.service).toBe('identity');
    // Each consumer continues the produce of its own topic (identity also produces the patient's keys, which audit consumes).
    for (const consumer of trace.inTrace.filter((s) => s.kind === CONSUMER)) {
      const topic = consumer.name.replace(/^process /, '');
      const parent = trace.inTrace.find((s) => s.kind === PRODUCER && s.name === `send ${topic}`);
      expect({ consumer: consumer.name, parent: consumer.parentSpanId }).toEqual({ consumer: consumer.name, parent: parent?.spanId });
    }
  });
});
