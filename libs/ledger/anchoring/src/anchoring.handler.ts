// ledger-writer's consumer logic: per partition batch, plan the Merkle batches, compute
// their leaves and write both down, anchor them — up to `maxInFlight` at once, each
// endorsed, ordered and awaiting its commit while the next is submitted (a commit takes
// a block's time, which a serial writer spends idle) — publish one receipt per batch
// as each commits, and only return once every one of them committed and its receipt is
// out: the consumer commits the partition's offsets after that, so offsets only ever
// move past batches that are on the chain with a durable receipt.
// A crash anywhere in between re-forms the same batches with the same leaves from the
// written plan (a salt rotated or shredded since cannot change a root already on the
// chain); the chaincode refuses the ids it already holds, which the writer reads as
// "already anchored".
import { SpanKind, trace, type Link } from '@opentelemetry/api';
import { Topics } from '@carechain/contracts';
import { inSpan, TransientError, type BatchHandler, type ConsumedRecord, type EventPublisher, type RecordBatch } from '@carechain/messaging';
import { toHex, type CommitmentSaltProvider } from '@carechain/ledger-merkle';
import type { LedgerAnchor } from '@carechain/ledger-chaincode-api';
import { gauge, histogram, METRICS, type Logger } from '@carechain/telemetry';
import type { DocumentationIndex } from './documentation-index';
import type { IntentStore } from './intent-store';
import { cutBatches, prepareBatch, type PreparedBatch, type StoredLeaves } from './prepared-batch';
import { batchReceiptFor, documentationOf } from './receipts';

const tracer = trace.getTracer('@carechain/ledger-anchoring');

export interface AnchoringOptions {
  /** Events per Merkle batch (one Fabric transaction). */
  readonly maxEvents: number;
  /** Merkle batches of one partition batch awaiting their commit at once (1: one after another). */
  readonly maxInFlight?: number;
}

const anchoringLag = histogram(METRICS.anchoringLag);
const batchSize = histogram(METRICS.anchoringBatchSize);

export class AnchoringHandler implements BatchHandler {
  private ledgerReachable = true;
  /** Batches in hand (all partitions) whose receipts are not yet published (a gauge). */
  private receiptsPending = 0;

  constructor(
    private readonly ledger: LedgerAnchor,
    private readonly salts: CommitmentSaltProvider,
    private readonly intents: IntentStore,
    private readonly publisher: EventPublisher,
    private readonly logger: Logger,
    private readonly options: AnchoringOptions,
    /** Record events' proofs, for the claims that bill the care they document (the ProviderOrg writer's). */
    private readonly documentation?: DocumentationIndex,
  ) {
    gauge(METRICS.receiptsPending, () => [[this.receiptsPending]]);
  }

  /** False while submissions fail: /health/ready reports it. */
  isLedgerReachable(): boolean {
    return this.ledgerReachable;
  }

  async handle(batch: RecordBatch): Promise<void> {
    if (batch.records.length === 0) return;
    const prepared: PreparedBatch[] = [];
    for (const { records, stored } of await this.plan(batch)) prepared.push(await prepareBatch(records, this.salts, stored));
    const ranges = prepared.map(({ records, commitments, saltVersions }) => ({
      firstOffset: records[0]!.offset,
      lastOffset: records[records.length - 1]!.offset,
      commitments: commitments.map((c) => toHex(c)),
      saltVersions,
    }));
    await this.intents.put(batch.topic, batch.partition, { ranges });
    await this.pipeline(prepared);
  }

  /**
   * Anchors the batches in order, several in flight, each publishing its receipt once
   * committed; returns when all are done, or throws the first failure once those in
   * flight settled (nothing after a failed batch is submitted: the retry re-forms the
   * same batches from the written plan, and the chaincode refuses the ones already on it).
   */
  private async pipeline(prepared: readonly PreparedBatch[]): Promise<void> {
    const maxInFlight = Math.max(1, this.options.maxInFlight ?? 1);
    const inFlight = new Set<Promise<unknown>>();
    const done: Promise<void>[] = [];
    let failed = false;
    this.receiptsPending += prepared.length;
    let started = 0;
    try {
      for (const one of prepared) {
        while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
        if (failed) break;
        started += 1;
        const anchored = this.anchor(one).finally(() => (this.receiptsPending -= 1));
        const settled = anchored.catch(() => (failed = true));
        inFlight.add(settled);
        void settled.then(() => inFlight.delete(settled));
        done.push(anchored);
      }
    } finally {
      this.receiptsPending -= prepared.length - started;
    }
    const outcomes = await Promise.allSettled(done);
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) throw failure.reason;
  }

  /**
   * The Merkle batches for this partition batch: an interrupted plan is honoured for the
   * records it covers (same boundaries, so the same batch ids, and the same leaves where
   * the plan holds them), the rest is cut afresh.
   */
  private async plan(batch: RecordBatch): Promise<{ records: ConsumedRecord[]; stored?: StoredLeaves }[]> {
    const intent = await this.intents.get(batch.topic, batch.partition);
    const first = BigInt(batch.records[0]!.offset);
    const planned = intent?.ranges ?? [];
    const fresh = (records: readonly ConsumedRecord[]) => cutBatches(records, this.options.maxEvents).map((records) => ({ records }));
    if (planned.length === 0 || first > BigInt(planned[planned.length - 1]!.lastOffset)) return fresh(batch.records);
    const chunks: { records: ConsumedRecord[]; stored?: StoredLeaves }[] = [];
    let rest = batch.records;
    for (const range of planned) {
      if (BigInt(range.lastOffset) < first) continue; // anchored and committed before the crash
      const inRange = rest.filter((r) => BigInt(r.offset) >= BigInt(range.firstOffset) && BigInt(r.offset) <= BigInt(range.lastOffset));
      if (inRange.length === 0 || inRange[inRange.length - 1]!.offset !== range.lastOffset) {
        throw new TransientError(`waiting for the records of interrupted batch ${range.firstOffset}-${range.lastOffset} on ${batch.topic}/${batch.partition}`);
      }
      // Plans written before leaves were stored recompute them.
      const stored = range.commitments && range.saltVersions ? { commitments: range.commitments, saltVersions: range.saltVersions } : undefined;
      chunks.push({ records: inRange, stored });
      rest = rest.filter((r) => BigInt(r.offset) > BigInt(range.lastOffset));
    }
    return [...chunks, ...fresh(rest)];
  }

  private async anchor(prepared: PreparedBatch): Promise<void> {
    const links: Link[] = prepared.records
      .map((r) => trace.getSpanContext(r.traceContext))
      .filter((c) => c !== undefined)
      .map((context) => ({ context }));
    const span = tracer.startSpan('anchor batch', { kind: SpanKind.CLIENT, links });
    await inSpan(span, async () => {
      const { batchId, leafCount, sourceRange } = prepared.anchor;
      span.setAttributes({ 'carechain.batch.id': batchId, 'carechain.batch.leaf_count': leafCount, 'messaging.destination.name': sourceRange.topic });
      const where = {
        batchId,
        leafCount,
        topic: sourceRange.topic,
        partition: sourceRange.partition,
        firstOffset: sourceRange.firstOffset,
        lastOffset: sourceRange.lastOffset,
      };
      this.logger.info(where, 'submitting batch');
      let anchored;
      try {
        anchored = await this.ledger.anchor(prepared.anchor);
        this.ledgerReachable = true;
      } catch (err) {
        this.ledgerReachable = false;
        throw err instanceof TransientError ? err : new TransientError(`anchoring batch ${batchId} failed: ${(err as Error).message}`, err);
      }
      span.setAttributes({ 'carechain.batch.tx_id': anchored.txId, 'carechain.batch.block': anchored.blockNumber });
      this.logger.info(
        { ...where, txId: anchored.txId, blockNumber: anchored.blockNumber },
        anchored.alreadyAnchored ? 'already anchored: the chaincode refused the duplicate batch id' : 'batch committed',
      );
      const attributes = { 'messaging.destination.name': sourceRange.topic };
      batchSize.record(leafCount, attributes);
      if (!anchored.alreadyAnchored) anchoringLag.record(Math.max(0, (Date.now() - Date.parse(prepared.anchor.firstTime)) / 1000), attributes);
      if (this.documentation && sourceRange.topic === Topics.recordsRecord) await this.documentation.putAll(documentationOf(prepared));
      await this.publisher.publish(Topics.ledgerReceipt, batchReceiptFor(prepared, anchored), { key: batchId });
      this.logger.info({ batchId, events: leafCount }, 'receipt published');
    });
  }
}
