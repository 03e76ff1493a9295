import { metrics } from '@opentelemetry/api';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { ConsumerMetrics, reasonClass } from './consumer-metrics';

describe('reasonClass', () => {
  it.each([
    ['contract(INVALID_EVENT): data.patientId: Required', 'contract'],
    ['poison: handler failed 5 times: boom', 'poison'],
    ['', 'other'],
    ['  leading space', 'other'],
  ])('%j → %s', (reason, expected) => {
    expect(reasonClass(reason)).toBe(expected);
  });
});

describe('ConsumerMetrics', () => {
  const reader = new PeriodicExportingMetricReader({ exporter: new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE), exportIntervalMillis: 60_000 });
  const provider = new MeterProvider({ readers: [reader] });
  beforeAll(() => metrics.setGlobalMeterProvider(provider));
  afterAll(async () => {
    await provider.shutdown();
    metrics.disable();
  });

  async function points(name: string) {
    const { resourceMetrics } = await reader.collect();
    return resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name)?.dataPoints ?? [];
  }

  it('reports lag per partition as of the last batch, never negative', async () => {
    const group = new ConsumerMetrics('carechain.audit.trail');
    group.start();
    group.batch('identity.patient.v1', 0, 10, 0.004, '120', '99'); // 20 records behind
    group.batch('identity.patient.v1', 1, 5, 0.002, '8', '7'); // caught up
    group.batch('identity.patient.v1', 0, 20, 0.004, '120', '119');
    const lag = await points('carechain.messaging.consumer.lag');
    expect(lag.map((p) => [p.attributes['messaging.destination.partition.id'], p.value]).sort()).toEqual([
      ['0', 0],
      ['1', 0],
    ]);
    expect(lag[0]?.attributes['messaging.consumer.group.name']).toBe('carechain.audit.trail');
    const consumed = await points('messaging.client.consumed.messages');
    expect(consumed.find((p) => p.attributes['messaging.consumer.group.name'] === 'carechain.audit.trail')?.value).toBe(35);
    group.stop();
  });

  it('counts dead letters by topic and reason class, not by the reason text', async () => {
    const group = new ConsumerMetrics('carechain.records.store');
    group.deadLettered('records.record.v1', 'contract(INVALID_EVENT): a');
    group.deadLettered('records.record.v1', 'contract(UNKNOWN_TYPE): b');
    const dlq = (await points('carechain.messaging.dead_letters')).filter((p) => p.attributes['messaging.consumer.group.name'] === 'carechain.records.store');
    expect(dlq.map((p) => [p.attributes['carechain.dlq.reason'], p.value])).toEqual([['contract', 2]]);
  });
});
