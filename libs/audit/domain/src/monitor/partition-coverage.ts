// The coverage check of one topic partition, with no I/O: the log's records (in
// offset order, as a reader of the topic delivers them) against the batches on the
// chain (in any order). Everything below `position` is accounted for: every record
// there lies in exactly one batch, and each batch holds as many leaves as its range
// holds records. The writer forms a batch's range from its first and last record, so
// offsets that hold no record (transaction markers, records dead-lettered as
// malformed, which no reader is handed) fall inside or between ranges without being
// gaps: only records are counted, never offsets.
import { finding, type LedgerFinding } from './ledger-finding';

/** A batch as the chain holds it (BatchRecord's coverage fields). */
export interface ChainBatch {
  readonly batchId: string;
  readonly merkleRoot: string;
  readonly leafCount: number;
  readonly firstOffset: bigint;
  readonly lastOffset: bigint;
  readonly anchoredAt: string;
}

/** A record of the log that the writer anchors. */
export interface LogRecord {
  readonly offset: bigint;
  readonly eventId: string;
  /** Kept only for a record sampled for re-verification: what its leaf is recomputed from. */
  readonly sampled?: SampledEvent;
}

/** A sampled record's event: its canonical bytes and its subject (whose salt it was committed under). */
export interface SampledEvent {
  readonly bytes: Buffer;
  readonly subject: string | undefined;
}

/** A batch whose coverage checked out, with the records it covers (the candidates for re-verification). */
export interface CheckedBatch {
  readonly batch: ChainBatch;
  readonly records: readonly LogRecord[];
}

export interface CoverageStep {
  readonly findings: readonly LedgerFinding[];
  readonly checked: readonly CheckedBatch[];
}

export class PartitionCoverage {
  /** The next offset to account for; undefined until the log's start is known. */
  private next: bigint | undefined;
  /** Batches not yet checked, by first offset (two batches with one first offset are an overlap). */
  private readonly pending: ChainBatch[] = [];
  /** Records at or after `next`, in offset order, each with when it was first seen. */
  private readonly records: (LogRecord & { readonly seenAt: number })[] = [];
  /** The highest offset the reader delivered. */
  private readTo = -1n;
  private chainEnd = -1n;
  private lastProgressAt: number;
  private stalledSince: bigint | undefined;
  private lastChecked: ChainBatch | undefined;

  constructor(
    readonly topic: string,
    readonly partition: number,
    now: number,
  ) {
    this.lastProgressAt = now;
  }

  /** The log's first offset (the low watermark when reading began): batches wholly before it cannot be checked. */
  startAt(logStart: bigint): void {
    if (this.next === undefined) this.next = logStart;
  }

  addBatch(batch: ChainBatch): void {
    if (batch.lastOffset > this.chainEnd) this.chainEnd = batch.lastOffset;
    const at = this.pending.findIndex((b) => b.firstOffset > batch.firstOffset);
    this.pending.splice(at === -1 ? this.pending.length : at, 0, batch);
  }

  addRecord(record: LogRecord, now: number): void {
    // The reader delivers in offset order; an offset at or before the highest delivered is a
    // redelivery (a rebalance or restart of the reader after a fault), already counted.
    if (record.offset <= this.readTo) return;
    this.readTo = record.offset;
    if (this.next !== undefined && record.offset < this.next) return;
    this.records.push({ ...record, seenAt: now });
  }

  /** Where the check stands: accounted-for offsets end before `position`. */
  state(): { position: string | undefined; chainEnd: string | undefined; readTo: string | undefined; waiting: number; pendingBatches: number } {
    return {
      position: this.next?.toString(),
      chainEnd: this.chainEnd < 0n ? undefined : (this.chainEnd + 1n).toString(),
      readTo: this.readTo < 0n ? undefined : (this.readTo + 1n).toString(),
      waiting: this.records.length,
      pendingBatches: this.pending.length,
    };
  }

  /** Checks every batch whose records the reader has delivered, in offset order; then looks for a stall. */
  advance(now: number, stallMs: number): CoverageStep {
    const findings: LedgerFinding[] = [];
    const checked: CheckedBatch[] = [];
    const at = new Date(now);
    if (this.next === undefined) return { findings, checked };
    for (let batch = this.pending[0]; batch; batch = this.pending[0]) {
      const next: bigint = this.next;
      if (batch.firstOffset < next) {
        this.pending.shift();
        if (this.lastChecked === undefined) {
          // Before or across the log's start (retention removed its records): nothing to check it against.
          if (batch.lastOffset >= next) this.accept(batch, now);
          continue;
        }
        const last = batch.lastOffset < next ? batch.lastOffset : next - 1n;
        findings.push(
          finding(
            {
              kind: 'ledger-overlap',
              topic: this.topic,
              partition: this.partition,
              firstOffset: batch.firstOffset.toString(),
              lastOffset: last.toString(),
              batchIds: [batch.batchId, ...(this.lastChecked ? [this.lastChecked.batchId] : [])],
              detail: `batch ${batch.batchId} covers ${batch.firstOffset}-${batch.lastOffset}, but offsets up to ${next - 1n} were already anchored`,
            },
            at,
          ),
        );
        if (batch.lastOffset >= next) this.accept(batch, now);
        continue;
      }
      if (this.readTo < batch.lastOffset) break; // the reader has not reached the batch's end yet
      this.pending.shift();
      const before = this.takeUntil(batch.firstOffset - 1n);
      if (before.length > 0)
        findings.push(this.gap(before, `no batch on the chain covers ${before.length} record(s) before batch ${batch.batchId}`, [batch.batchId], at));
      const inRange = this.takeUntil(batch.lastOffset);
      if (inRange.length > batch.leafCount) {
        findings.push(
          this.gap(
            inRange,
            `batch ${batch.batchId} covers ${batch.firstOffset}-${batch.lastOffset}, which holds ${inRange.length} records, but anchors ${batch.leafCount} leaves`,
            [batch.batchId],
            at,
          ),
        );
      } else if (inRange.length < batch.leafCount) {
        findings.push(
          finding(
            {
              kind: 'root-mismatch',
              topic: this.topic,
              partition: this.partition,
              firstOffset: batch.firstOffset.toString(),
              lastOffset: batch.lastOffset.toString(),
              batchIds: [batch.batchId],
              detail: `batch ${batch.batchId} anchors ${batch.leafCount} leaves for the ${inRange.length} records of ${batch.firstOffset}-${batch.lastOffset}`,
            },
            at,
          ),
        );
      } else {
        checked.push({ batch, records: inRange.map(({ offset, eventId, sampled }) => ({ offset, eventId, ...(sampled && { sampled }) })) });
      }
      this.accept(batch, now);
    }
    const stall = this.stall(now, stallMs, at);
    if (stall) findings.push(stall);
    return { findings, checked };
  }

  private accept(batch: ChainBatch, now: number): void {
    this.next = batch.lastOffset + 1n;
    this.lastChecked = batch;
    this.lastProgressAt = now;
    this.stalledSince = undefined;
    this.takeUntil(batch.lastOffset);
  }

  /** Removes and returns the waiting records up to `last`. */
  private takeUntil(last: bigint): LogRecord[] {
    let n = 0;
    while (n < this.records.length && this.records[n]!.offset <= last) n += 1;
    return this.records.splice(0, n);
  }

  private gap(records: readonly LogRecord[], detail: string, batchIds: string[], at: Date): LedgerFinding {
    return finding(
      {
        kind: 'ledger-gap',
        topic: this.topic,
        partition: this.partition,
        firstOffset: records[0]!.offset.toString(),
        lastOffset: records[records.length - 1]!.offset.toString(),
        batchIds,
        eventIds: records.slice(0, 100).map((r) => r.eventId),
        detail,
      },
      at,
    );
  }

  /** Records wait and the chain has not moved past them for longer than `stallMs`: once per stalled position. */
  private stall(now: number, stallMs: number, at: Date): LedgerFinding | undefined {
    const oldest = this.records[0];
    if (!oldest || this.next === undefined) return undefined;
    const since = Math.max(this.lastProgressAt, oldest.seenAt);
    if (now - since <= stallMs || this.stalledSince === this.next) return undefined;
    this.stalledSince = this.next;
    return finding(
      {
        kind: 'ledger-stall',
        topic: this.topic,
        partition: this.partition,
        firstOffset: oldest.offset.toString(),
        lastOffset: this.records[this.records.length - 1]!.offset.toString(),
        batchIds: this.lastChecked ? [this.lastChecked.batchId] : [],
        detail: `${this.records.length} record(s) from offset ${oldest.offset} have waited more than ${Math.round(stallMs / 1000)} s with no batch on the chain past offset ${this.next - 1n}`,
      },
      at,
      String(oldest.seenAt),
    );
  }
}
