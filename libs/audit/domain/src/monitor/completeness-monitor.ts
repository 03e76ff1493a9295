// The completeness monitor: for every anchored topic partition, the batches on the
// chain as each organisation's peer reports them, against the records of the log
// (PartitionCoverage), plus end-to-end re-verification of a sample of the events it
// accounted for: the receipt audit holds for the event must name the batch that covers
// its offset, its inclusion proof must lead to its root, and that root and tree size
// must be the chain's. Every finding is kept (the most recent, for GET /audit/monitor),
// counted and handed to the alert port once.
import type { BatchRecord } from '@carechain/ledger-chaincode-api';
import { receiptPathHolds, type EventReceipt } from '@carechain/ledger-verify';
import { counter, gauge, histogram, METRICS } from '@carechain/telemetry';
import { finding, type LedgerFinding } from './ledger-finding';
import { PartitionCoverage, type ChainBatch, type LogRecord } from './partition-coverage';
import { PeerAgreement } from './peer-agreement';

export interface MonitorOptions {
  readonly topics: readonly string[];
  readonly organisations: readonly string[];
  /** How long records may wait with the chain not moving past them, and a peer may lag another, before it is a finding. */
  readonly stallMs: number;
  /** The share of accounted-for events re-verified (0–1). */
  readonly sampleRate: number;
  /** The latest sampled events kept, each re-checked again and again: a receipt changed later is caught too. */
  readonly sampleSize: number;
  /** Samples re-checked per tick. */
  readonly samplesPerTick: number;
  /** Findings kept for the report. */
  readonly findingsKept: number;
  readonly random?: () => number;
}

/** audit's copy of an event's receipt (its read model), the thing re-verified. */
export interface ReceiptSource {
  receipt(eventId: string): Promise<EventReceipt | undefined>;
}

/** Where a finding goes besides the report: an alert event. */
export interface FindingSink {
  raise(findings: readonly LedgerFinding[]): Promise<void>;
}

export interface PartitionReport {
  readonly topic: string;
  readonly partition: number;
  /** Offsets before this are accounted for. */
  readonly position: string | null;
  readonly logEnd: string | null;
  readonly chainEnd: string | null;
  readonly behindLog: number | null;
  readonly behindChain: number | null;
  readonly waitingRecords: number;
}

export interface MonitorReport {
  readonly organisations: readonly string[];
  readonly partitions: readonly PartitionReport[];
  readonly samples: { readonly verified: number; readonly mismatched: number; readonly held: number };
  readonly findings: readonly LedgerFinding[];
  readonly findingCounts: Readonly<Record<string, number>>;
}

interface Sample {
  readonly batch: ChainBatch;
  readonly topic: string;
  readonly partition: number;
  readonly record: LogRecord;
}

const lag = histogram(METRICS.monitorLag);
const findingsRaised = counter(METRICS.monitorFindings);
const samplesChecked = counter(METRICS.monitorSamples);

export function chainBatchOf(record: BatchRecord): ChainBatch {
  return {
    batchId: record.batchId,
    merkleRoot: record.merkleRoot,
    leafCount: record.leafCount,
    firstOffset: BigInt(record.sourceRange.firstOffset),
    lastOffset: BigInt(record.sourceRange.lastOffset),
    anchoredAt: record.anchoredAt,
  };
}

export class CompletenessMonitor {
  private readonly partitions = new Map<string, PartitionCoverage>();
  private readonly logEnds = new Map<string, bigint>();
  private readonly agreement: PeerAgreement;
  private readonly topics: Set<string>;
  private readonly samples: Sample[] = [];
  private sampleCursor = 0;
  private readonly found: LedgerFinding[] = [];
  private readonly raisedIds = new Set<string>();
  private readonly unpublished: LedgerFinding[] = [];
  private readonly counts: Record<string, number> = {};
  private verified = 0;
  private mismatched = 0;
  private readonly random: () => number;

  constructor(
    private readonly options: MonitorOptions,
    private readonly receipts: ReceiptSource,
    private readonly sink: FindingSink,
    private readonly clock: () => number = Date.now,
  ) {
    this.agreement = new PeerAgreement(options.organisations);
    this.topics = new Set(options.topics);
    this.random = options.random ?? Math.random;
  }

  /** Offsets behind the log end and the chain, per partition, as a gauge. */
  observe(): () => void {
    return gauge(METRICS.monitorOffsetsBehind, () =>
      this.report().partitions.flatMap((p) => {
        const where = { 'messaging.destination.name': p.topic, 'messaging.destination.partition.id': String(p.partition) };
        return [
          ...(p.behindLog === null ? [] : [[p.behindLog, { ...where, 'carechain.monitor.behind': 'log' }] as const]),
          ...(p.behindChain === null ? [] : [[p.behindChain, { ...where, 'carechain.monitor.behind': 'chain' }] as const]),
        ];
      }),
    );
  }

  /** A record of an anchored topic, in offset order per partition. */
  record(topic: string, partition: number, offset: string, eventId: string): void {
    if (!this.topics.has(topic)) return;
    this.partition(topic, partition).addRecord({ offset: BigInt(offset), eventId }, this.clock());
  }

  /** A batch as one organisation's peer reports it. */
  async batch(organisation: string, record: BatchRecord): Promise<void> {
    if (!this.topics.has(record.sourceRange.topic)) return;
    const { first, finding: disagreement } = this.agreement.add(organisation, record, this.clock());
    if (first) this.partition(record.sourceRange.topic, record.sourceRange.partition).addBatch(chainBatchOf(record));
    if (disagreement) await this.raise([disagreement]);
  }

  /** The log's extent per partition (low watermark: where checking starts; high: the log end). */
  logExtent(topic: string, partition: number, low: string, high: string): void {
    if (!this.topics.has(topic)) return;
    this.partition(topic, partition).startAt(BigInt(low));
    this.logEnds.set(key(topic, partition), BigInt(high));
  }

  /** Checks what can be checked now, re-verifies samples, raises what was found. */
  async tick(): Promise<void> {
    const now = this.clock();
    const findings: LedgerFinding[] = [...this.agreement.check(now, this.options.stallMs)];
    for (const coverage of this.partitions.values()) {
      const step = coverage.advance(now, this.options.stallMs);
      findings.push(...step.findings);
      for (const { batch, records } of step.checked) {
        lag.record(Math.max(0, (now - Date.parse(batch.anchoredAt)) / 1000), { 'messaging.destination.name': coverage.topic });
        for (const record of records)
          if (this.random() < this.options.sampleRate) this.keepSample({ batch, topic: coverage.topic, partition: coverage.partition, record });
      }
    }
    findings.push(...(await this.reverify(now)));
    await this.raise(findings);
  }

  report(): MonitorReport {
    const partitions = [...this.partitions.values()]
      .map((c) => {
        const s = c.state();
        const end = this.logEnds.get(key(c.topic, c.partition));
        const logEnd = end === undefined ? s.readTo : end.toString();
        const behind = (to: string | undefined) => (to === undefined || s.position === undefined ? null : Math.max(0, Number(BigInt(to) - BigInt(s.position))));
        return {
          topic: c.topic,
          partition: c.partition,
          position: s.position ?? null,
          logEnd: logEnd ?? null,
          chainEnd: s.chainEnd ?? null,
          behindLog: behind(logEnd),
          // No batch on the chain for a partition yet: nothing there to be behind.
          behindChain: behind(s.chainEnd ?? s.position),
          waitingRecords: s.waiting,
        };
      })
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return {
      organisations: this.options.organisations,
      partitions,
      samples: { verified: this.verified, mismatched: this.mismatched, held: this.samples.length },
      findings: [...this.found].reverse(),
      findingCounts: { ...this.counts },
    };
  }

  private partition(topic: string, partition: number): PartitionCoverage {
    const k = key(topic, partition);
    let coverage = this.partitions.get(k);
    if (!coverage) {
      coverage = new PartitionCoverage(topic, partition, this.clock());
      this.partitions.set(k, coverage);
    }
    return coverage;
  }

  private keepSample(sample: Sample): void {
    // The latest ones: a finding about recent anchoring is what an operator can still act on.
    this.samples.push(sample);
    if (this.samples.length > this.options.sampleSize) this.samples.shift();
  }

  /** Re-checks the next samples round-robin: the receipt against the batch on the chain that covers the event's offset. */
  private async reverify(now: number): Promise<LedgerFinding[]> {
    const out: LedgerFinding[] = [];
    const n = Math.min(this.options.samplesPerTick, this.samples.length);
    for (let i = 0; i < n; i += 1) {
      this.sampleCursor = (this.sampleCursor + 1) % this.samples.length;
      const sample = this.samples[this.sampleCursor]!;
      const receipt = await this.receipts.receipt(sample.record.eventId);
      if (!receipt) continue; // not projected yet
      const problem = mismatchOf(sample, receipt);
      samplesChecked.add(1, { 'carechain.monitor.outcome': problem ? 'mismatch' : 'verified' });
      if (!problem) {
        this.verified += 1;
        continue;
      }
      this.mismatched += 1;
      out.push(
        finding(
          {
            kind: 'root-mismatch',
            topic: sample.topic,
            partition: sample.partition,
            firstOffset: sample.record.offset.toString(),
            lastOffset: sample.record.offset.toString(),
            batchIds: [...new Set([sample.batch.batchId, receipt.batchId])],
            eventIds: [sample.record.eventId],
            detail: problem,
          },
          new Date(now),
          `${receipt.commitment}:${receipt.merkleRoot}:${receipt.batchId}`,
        ),
      );
    }
    return out;
  }

  /** Keeps and counts what is new, then hands every finding not yet published to the sink (retried next time if it fails). */
  private async raise(findings: readonly LedgerFinding[]): Promise<void> {
    for (const f of findings) {
      if (this.raisedIds.has(f.id)) continue;
      this.raisedIds.add(f.id);
      this.found.push(f);
      if (this.found.length > this.options.findingsKept) this.found.shift();
      this.counts[f.kind] = (this.counts[f.kind] ?? 0) + 1;
      findingsRaised.add(1, { 'carechain.alert.rule': f.kind });
      this.unpublished.push(f);
    }
    if (this.unpublished.length === 0) return;
    const out = [...this.unpublished];
    await this.sink.raise(out);
    this.unpublished.splice(0, out.length);
  }
}

function key(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}

/** Why the receipt does not re-verify against the chain's batch for the event's offset, or undefined. */
export function mismatchOf(sample: Pick<Sample, 'batch' | 'topic' | 'partition' | 'record'>, receipt: EventReceipt): string | undefined {
  const { batch, record } = sample;
  const where = `event ${record.eventId} at ${sample.topic}/${sample.partition}@${record.offset}`;
  if (receipt.batchId !== batch.batchId)
    return `${where}: the receipt names batch ${receipt.batchId}, the chain's batch covering the offset is ${batch.batchId}`;
  if (receipt.source.topic !== sample.topic || receipt.source.partition !== sample.partition || BigInt(receipt.source.offset) !== record.offset) {
    return `${where}: the receipt places it at ${receipt.source.topic}/${receipt.source.partition}@${receipt.source.offset}`;
  }
  if (!receiptPathHolds(receipt)) return `${where}: the receipt's inclusion proof of leaf ${receipt.leafIndex} does not lead to its root ${receipt.merkleRoot}`;
  if (receipt.merkleRoot !== batch.merkleRoot) return `${where}: the receipt's root is ${receipt.merkleRoot}, the chain's is ${batch.merkleRoot}`;
  if (receipt.treeSize !== batch.leafCount) return `${where}: the receipt's proof is for ${receipt.treeSize} leaves, the chain's batch has ${batch.leafCount}`;
  return undefined;
}
