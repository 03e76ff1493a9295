// Every metric carechain records, declared once. Code records through the handles
// below (created lazily, so an instrument made at import time still reaches the
// meter provider startTelemetry installs later); docs/metrics.md lists the same
// names and a spec checks that the two agree. Names and units follow the
// OpenTelemetry semantic conventions where one exists (messaging.*, http.*);
// the rest are carechain.* with UCUM units.
import { metrics, type Attributes, type Counter, type Histogram, type Meter, type ObservableGauge } from '@opentelemetry/api';

export type MetricKind = 'counter' | 'histogram' | 'gauge';

export interface MetricDefinition {
  readonly name: string;
  readonly kind: MetricKind;
  readonly unit: string;
  readonly description: string;
  /** The attribute keys it is recorded with (bounded sets: never ids or free text). */
  readonly attributes: readonly string[];
  /** Histogram bucket boundaries, when the SDK's defaults do not fit the unit. */
  readonly buckets?: readonly number[];
}

/** Seconds: 1 ms … 60 s, for latencies from a Redis step to a Fabric commit. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Microsecond-scale decisions. */
const FAST_BUCKETS = [0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.005, 0.01];
const SIZE_BUCKETS = [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

const GROUP = 'messaging.consumer.group.name';
const TOPIC = 'messaging.destination.name';
const PARTITION = 'messaging.destination.partition.id';

export const METRICS = {
  httpServerDuration: {
    name: 'http.server.request.duration',
    kind: 'histogram',
    unit: 's',
    description: 'HTTP requests served, per route and status (recorded by the HTTP instrumentation)',
    attributes: ['http.request.method', 'http.route', 'http.response.status_code'],
  },
  consumerLag: {
    name: 'carechain.messaging.consumer.lag',
    kind: 'gauge',
    unit: '{message}',
    description: "Records between a consumer group's last processed offset and the partition's high watermark, as of its last batch",
    attributes: [GROUP, TOPIC, PARTITION],
  },
  processDuration: {
    name: 'messaging.process.duration',
    kind: 'histogram',
    unit: 's',
    description: "Time to apply one batch: a projection's Redis step, a replica's update, a processor's effect",
    attributes: [GROUP, TOPIC],
    buckets: LATENCY_BUCKETS,
  },
  consumedMessages: {
    name: 'messaging.client.consumed.messages',
    kind: 'counter',
    unit: '{message}',
    description: 'Records a consumer group handed to its handler',
    attributes: [GROUP, TOPIC],
  },
  deadLetters: {
    name: 'carechain.messaging.dead_letters',
    kind: 'counter',
    unit: '{message}',
    description: 'Records sent to a DLQ, by source topic and reason class (contract, poison, ...)',
    attributes: [GROUP, TOPIC, 'carechain.dlq.reason'],
  },
  anchoringLag: {
    name: 'carechain.anchoring.lag',
    kind: 'histogram',
    unit: 's',
    description: "From an event's time to the commit of the Fabric batch that anchors it (oldest event of the batch)",
    attributes: [TOPIC],
    buckets: LATENCY_BUCKETS,
  },
  anchoringBatchSize: {
    name: 'carechain.anchoring.batch.size',
    kind: 'histogram',
    unit: '{event}',
    description: 'Events per anchored batch',
    attributes: [TOPIC],
    buckets: SIZE_BUCKETS,
  },
  receiptsPending: {
    name: 'carechain.anchoring.receipts.pending',
    kind: 'gauge',
    unit: '{batch}',
    description: 'Batches planned or committed on Fabric whose receipts are not yet published',
    attributes: [],
  },
  fabricSubmitDuration: {
    name: 'carechain.fabric.submit.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Endorse, order and commit of one transaction, by chaincode function and outcome (committed, refused, failed)',
    attributes: ['carechain.fabric.function', 'carechain.fabric.outcome', 'carechain.fabric.msp'],
    buckets: LATENCY_BUCKETS,
  },
  consentDecisionDuration: {
    name: 'carechain.consent.decision.duration',
    kind: 'histogram',
    unit: 's',
    description: 'One access decision, by outcome',
    attributes: ['carechain.decision.outcome'],
    buckets: FAST_BUCKETS,
  },
  consentDecisions: {
    name: 'carechain.consent.decisions',
    kind: 'counter',
    unit: '{decision}',
    description: 'Access decisions, by outcome (permit, deny) and basis (grant, custodian, patient, break-glass, ...)',
    attributes: ['carechain.decision.outcome', 'carechain.decision.basis'],
  },
  mpiRegistrations: {
    name: 'carechain.mpi.registrations',
    kind: 'counter',
    unit: '{registration}',
    description: 'Registrations matched by the MPI, by outcome (new, linked, review)',
    attributes: ['carechain.mpi.outcome'],
  },
  mpiReviewsPending: {
    name: 'carechain.mpi.reviews.pending',
    kind: 'gauge',
    unit: '{review}',
    description: 'Match reviews waiting for a data steward',
    attributes: [],
  },
  claimTransitions: {
    name: 'carechain.claims.transitions',
    kind: 'counter',
    unit: '{transition}',
    description: 'Claim state changes, by the state entered',
    attributes: ['carechain.claim.status'],
  },
  kmsCalls: {
    name: 'carechain.kms.calls',
    kind: 'counter',
    unit: '{call}',
    description: 'Key-management calls, by operation (wrap, unwrap, ...), provider and outcome (ok, error)',
    attributes: ['carechain.kms.operation', 'carechain.kms.provider', 'carechain.kms.outcome'],
  },
  kmsDuration: {
    name: 'carechain.kms.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Key-management call latency, by operation and provider',
    attributes: ['carechain.kms.operation', 'carechain.kms.provider'],
    buckets: LATENCY_BUCKETS,
  },
  auditAlerts: {
    name: 'carechain.audit.alerts',
    kind: 'counter',
    unit: '{alert}',
    description: 'Access alerts raised, by rule',
    attributes: ['carechain.alert.rule'],
  },
  monitorLag: {
    name: 'carechain.audit.monitor.lag',
    kind: 'histogram',
    unit: 's',
    description: "From a batch's commit on the chain to the completeness monitor accounting for its records",
    attributes: [TOPIC],
    buckets: LATENCY_BUCKETS,
  },
  monitorOffsetsBehind: {
    name: 'carechain.audit.monitor.offsets_behind',
    kind: 'gauge',
    unit: '{offset}',
    description: "Offsets between the completeness monitor's position and the log end (behind: log) or the chain's last batch (behind: chain)",
    attributes: [TOPIC, PARTITION, 'carechain.monitor.behind'],
  },
  monitorFindings: {
    name: 'carechain.audit.monitor.findings',
    kind: 'counter',
    unit: '{finding}',
    description: 'Findings of the completeness monitor (gap, overlap, root mismatch, peer disagreement, stall), by rule',
    attributes: ['carechain.alert.rule'],
  },
  monitorSamples: {
    name: 'carechain.audit.monitor.samples',
    kind: 'counter',
    unit: '{event}',
    description:
      'Events the completeness monitor re-verified end to end (leaf recomputed from the Kafka record, proof, root on the chain), by outcome (verified, mismatch, erased, salt-unavailable)',
    attributes: ['carechain.monitor.outcome'],
  },
} as const satisfies Record<string, MetricDefinition>;

export const METER_NAME = 'carechain';

function meter(): Meter {
  return metrics.getMeter(METER_NAME);
}

function options(def: MetricDefinition) {
  return {
    description: def.description,
    unit: def.unit,
    ...(def.buckets && { advice: { explicitBucketBoundaries: [...def.buckets] } }),
  };
}

/** A counter made on first use. */
export function counter(def: MetricDefinition & { kind: 'counter' }): Pick<Counter, 'add'> {
  let made: Counter | undefined;
  return { add: (value: number, attributes?: Attributes) => (made ??= meter().createCounter(def.name, options(def))).add(value, attributes) };
}

/** A histogram made on first use. */
export function histogram(def: MetricDefinition & { kind: 'histogram' }): Pick<Histogram, 'record'> {
  let made: Histogram | undefined;
  return {
    record: (value: number, attributes?: Attributes) => (made ??= meter().createHistogram(def.name, options(def))).record(value, attributes),
  };
}

/**
 * A gauge observed at each collection from `observe()` (values per attribute set).
 * Returns a function that stops observing (call it when the owner closes).
 */
export function gauge(def: MetricDefinition & { kind: 'gauge' }, observe: () => Iterable<readonly [number, Attributes?]>): () => void {
  const instrument: ObservableGauge = meter().createObservableGauge(def.name, options(def));
  const callback = (result: { observe(value: number, attributes?: Attributes): void }) => {
    for (const [value, attributes] of observe()) result.observe(value, attributes);
  };
  instrument.addCallback(callback);
  return () => instrument.removeCallback(callback);
}

/** Seconds since a `performance.now()` reading. */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
