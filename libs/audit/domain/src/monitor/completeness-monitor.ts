// The completeness monitor: for every anchored topic partition, the batches on the
// chain as each organisation's peer reports them, against the records of the log
// (PartitionCoverage), plus end-to-end re-verification of a sample of the events it
// accounted for (checkSample): audit's receipt against the chain's batch, and the leaf
// recomputed from the record replayed from Kafka. Every finding is kept (the most
// recent, for GET /audit/monitor), counted and handed to the alert port once.
import type { BatchRecord } from '@carechain/ledger-chaincode-api';
import { canonicalEventBytes } from '@carechain/ledger-merkle';
import { counter, gauge, histogram, METRICS } from '@carechain/telemetry';
import { finding, type LedgerFinding } from './ledger-finding';
import { PartitionCoverage, type ChainBatch } from './partition-coverage';
import { PeerAgreement } from './peer-agreement';
import { checkSample, type Sample, type SampledReceipt, type SaltSource } from './sample-check';

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
  receipt(eventId: string): Promise<SampledReceipt | undefined>;
}

/** What the monitor needs of a record's event: its id, its subject, and the whole of it to recompute its leaf. */
export type MonitoredEvent = { readonly id: string; readonly subject?: string } & object;

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
  /** Checks by outcome (a sample is re-checked round after round), and the samples held. */
  readonly samples: {
    readonly verified: number;
    readonly mismatched: number;
    /** Events of erased patients: their salt is shredded, the leaf cannot be recomputed (each counted once, then dropped). */
    readonly erased: number;
    /** Checks that found no salt to recompute with (yet): the patient's keys not replicated, another service key version. */
    readonly saltUnavailable: number;
    readonly held: number;
  };
  readonly findings: readonly LedgerFinding[];
  readonly findingCounts: Readonly<Record<string, number>>;
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
  private publishing: Promise<void> = Promise.resolve();
  private readonly counts: Record<string, number> = {};
  private readonly outcomes = { verified: 0, mismatched: 0, erased: 0, saltUnavailable: 0 };
  private readonly random: () => number;

  constructor(
    private readonly options: MonitorOptions,
    private readonly receipts: ReceiptSource,
    private readonly salts: SaltSource,
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

  /** A record of an anchored topic, in offset order per partition; a sampled one keeps its event's canonical bytes. */
  record(topic: string, partition: number, offset: string, event: MonitoredEvent): void {
    if (!this.topics.has(topic)) return;
    const sampled = this.random() < this.options.sampleRate ? { bytes: canonicalEventBytes(event), subject: event.subject } : undefined;
    this.partition(topic, partition).addRecord({ offset: BigInt(offset), eventId: event.id, ...(sampled && { sampled }) }, this.clock());
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

  /** Both rounds, one after the other (what a spec drives; the runner runs them apart). */
  async tick(): Promise<void> {
    await this.account();
    await this.reverifySamples();
  }

  /**
   * Accounts for what can be checked now (memory only, no I/O) and raises what was found:
   * the monitor's position, and its lag behind the chain, depend on this round alone.
   */
  async account(): Promise<void> {
    const now = this.clock();
    const findings: LedgerFinding[] = [...this.agreement.check(now, this.options.stallMs)];
    for (const coverage of this.partitions.values()) {
      const step = coverage.advance(now, this.options.stallMs);
      findings.push(...step.findings);
      for (const { batch, records } of step.checked) {
        lag.record(Math.max(0, (now - Date.parse(batch.anchoredAt)) / 1000), { 'messaging.destination.name': coverage.topic });
        for (const record of records) if (record.sampled) this.keepSample({ batch, topic: coverage.topic, partition: coverage.partition, record });
      }
    }
    await this.raise(findings);
  }

  /**
   * Re-verifies the next samples end to end (checkSample) and raises what was found. It reads
   * audit's receipts from Redis, which a busy read model can hold up for seconds: the runner
   * runs it apart from account(), so that it never holds up accounting.
   */
  async reverifySamples(): Promise<void> {
    await this.raise(await this.reverify(this.clock()));
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
      samples: { ...this.outcomes, held: this.samples.length },
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

  private dropSample(sample: Sample): void {
    const at = this.samples.indexOf(sample);
    if (at === -1) return;
    this.samples.splice(at, 1);
    if (at <= this.sampleCursor) this.sampleCursor -= 1;
  }

  private keepSample(sample: Sample): void {
    // The latest ones: a finding about recent anchoring is what an operator can still act on.
    this.samples.push(sample);
    if (this.samples.length > this.options.sampleSize) this.samples.shift();
  }

  /** Re-checks the next samples round-robin, end to end (checkSample). */
  private async reverify(now: number): Promise<LedgerFinding[]> {
    const out: LedgerFinding[] = [];
    const n = Math.min(this.options.samplesPerTick, this.samples.length);
    for (let i = 0; i < n && this.samples.length > 0; i += 1) {
      // The ring may change while a receipt is read (account() keeps new samples): the cursor is only a place to go on from.
      this.sampleCursor = (this.sampleCursor + 1) % this.samples.length;
      const sample = this.samples[this.sampleCursor]!;
      const receipt = await this.receipts.receipt(sample.record.eventId);
      if (!receipt) continue; // not projected yet
      const checked = await checkSample(sample, receipt, this.salts);
      samplesChecked.add(1, { 'carechain.monitor.outcome': checked.outcome });
      switch (checked.outcome) {
        case 'verified':
          this.outcomes.verified += 1;
          break;
        case 'erased':
          // Final: the salt never comes back, so the sample makes room for one that can still be checked.
          this.outcomes.erased += 1;
          this.dropSample(sample);
          break;
        case 'salt-unavailable':
          this.outcomes.saltUnavailable += 1;
          break;
        case 'mismatch':
          this.outcomes.mismatched += 1;
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
                detail: checked.detail,
              },
              new Date(now),
              `${receipt.commitment}:${receipt.merkleRoot}:${receipt.batchId}`,
            ),
          );
          break;
      }
    }
    return out;
  }

  /**
   * Keeps and counts what is new, then hands every finding not yet published to the sink
   * (retried next time if it fails). Publishing is one at a time: account() and
   * reverifySamples() raise concurrently, and a finding must go out once.
   */
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
    const run = this.publishing.then(() => this.publish());
    this.publishing = run.catch(() => undefined);
    await run;
  }

  private async publish(): Promise<void> {
    if (this.unpublished.length === 0) return;
    const out = [...this.unpublished];
    await this.sink.raise(out);
    this.unpublished.splice(0, out.length);
  }
}

function key(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}
