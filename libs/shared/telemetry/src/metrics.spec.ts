import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { metrics } from '@opentelemetry/api';
import { counter, gauge, histogram, METRICS, type MetricDefinition } from './metrics';

const DOC = readFileSync(join(__dirname, '../../../../docs/metrics.md'), 'utf8');

/** The rows of the metrics table in docs/metrics.md: name → kind, unit, attributes. */
function documented(): Map<string, { kind: string; unit: string; attributes: string[] }> {
  const rows = new Map<string, { kind: string; unit: string; attributes: string[] }>();
  for (const line of DOC.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([a-z_.]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!name || !['counter', 'histogram', 'gauge'].includes(cells[2] ?? '')) continue;
    const attributes = cells[4] === '—' ? [] : [...(cells[4] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    rows.set(name, { kind: cells[2]!, unit: cells[3]!, attributes });
  }
  return rows;
}

describe('the metrics catalogue', () => {
  const defs: MetricDefinition[] = Object.values(METRICS);

  it('names each metric once', () => {
    expect(new Set(defs.map((d) => d.name)).size).toBe(defs.length);
  });

  it('is documented in docs/metrics.md, row for row, and the page lists nothing else', () => {
    const rows = documented();
    expect([...rows.keys()].sort()).toEqual(defs.map((d) => d.name).sort());
    for (const def of defs) {
      expect({ name: def.name, ...rows.get(def.name) }).toEqual({ name: def.name, kind: def.kind, unit: def.unit, attributes: [...def.attributes] });
    }
  });

  it('follows the naming conventions: lower-case dotted names, UCUM units, seconds for durations', () => {
    for (const def of defs) {
      expect(def.name).toMatch(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/);
      if (def.name.endsWith('.duration') || (def.name.endsWith('.lag') && def.kind === 'histogram')) expect(def.unit).toBe('s');
      expect(def.unit).toMatch(/^(s|\{[a-z]+\})$/);
    }
  });
});

describe('instrument handles', () => {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 60_000 });
  const provider = new MeterProvider({ readers: [reader] });

  beforeAll(() => metrics.setGlobalMeterProvider(provider));
  afterAll(async () => {
    await provider.shutdown();
    metrics.disable();
  });

  async function collected(name: string) {
    const { resourceMetrics } = await reader.collect();
    return resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name);
  }

  it('record through the provider installed after they were made, with the declared unit and buckets', async () => {
    const anchoringLag = histogram(METRICS.anchoringLag);
    const transitions = counter(METRICS.claimTransitions);
    anchoringLag.record(0.7, { 'messaging.destination.name': 'records.record.v1' });
    transitions.add(2, { 'carechain.claim.status': 'paid' });
    const lag = await collected('carechain.anchoring.lag');
    expect(lag?.descriptor.unit).toBe('s');
    const point = lag?.dataPoints[0] as { value: { count: number; buckets: { boundaries: number[] } } } | undefined;
    expect(point?.value.count).toBe(1);
    expect(point?.value.buckets.boundaries).toEqual(METRICS.anchoringLag.buckets);
    expect((await collected('carechain.claims.transitions'))?.dataPoints[0]?.value).toBe(2);
  });

  it('observe gauges at each collection until stopped', async () => {
    let pending = 3;
    const stop = gauge(METRICS.receiptsPending, () => [[pending]]);
    expect((await collected('carechain.anchoring.receipts.pending'))?.dataPoints[0]?.value).toBe(3);
    pending = 1;
    expect((await collected('carechain.anchoring.receipts.pending'))?.dataPoints[0]?.value).toBe(1);
    stop();
    pending = 9; // no longer observed: the last value collected stays
    expect((await collected('carechain.anchoring.receipts.pending'))?.dataPoints[0]?.value).toBe(1);
  });
});
