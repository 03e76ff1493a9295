// The anchor contract: one immutable record per batch of domain events, holding the
// batch's Merkle root and nothing else, refused a second time for the same batch id.
// Deterministic by construction: no clock but the transaction timestamp, no
// randomness, records serialised in a fixed key order.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import type { AnchorLedger } from './anchor-ledger.port';
import { AnchorError, AnchorErrorCode } from './anchor.error';
import { BATCH_ID_PATTERN } from './anchor.limits';
import { ANCHOR_CONTRACT_NAME, BATCH_ANCHORED_EVENT, type BatchRecord } from '@carechain/ledger-chaincode-api';
import { parseBatchAnchor } from './batch-anchor.parser';
import { parseBatchTimeQuery } from './batch-query.parser';
import { BatchRepository } from './batch.repository';

@Info({ title: 'AnchorContract', description: 'Merkle roots of carechain event batches' })
export class AnchorContract extends Contract {
  constructor() {
    super(ANCHOR_CONTRACT_NAME);
  }

  /**
   * Stores one batch record and emits BatchAnchored with it. A batch id already on
   * the ledger is refused with BATCH_EXISTS, which ledger-writer reads as "done":
   * anchoring is exactly-once however often a crashed writer retries.
   */
  @Transaction()
  @Returns('string')
  async AnchorBatch(
    ctx: Context,
    batchId: string,
    merkleRoot: string,
    leafCount: string,
    firstTime: string,
    lastTime: string,
    sourceRange: string,
  ): Promise<string> {
    const anchor = parseBatchAnchor({ batchId, merkleRoot, leafCount, firstTime, lastTime, sourceRange });
    const ledger: AnchorLedger = ctx.stub;
    const batches = new BatchRepository(ledger);
    if ((await batches.find(anchor.batchId)) !== undefined) {
      throw new AnchorError(AnchorErrorCode.BatchExists, `batch ${anchor.batchId} is already anchored`);
    }
    const record: BatchRecord = {
      ...anchor,
      anchoredAt: ledger.getDateTimestamp().toISOString(),
      submitterMspId: ctx.clientIdentity.getMSPID(),
      txId: ledger.getTxID(),
    };
    const json = await batches.insert(record);
    ledger.setEvent(BATCH_ANCHORED_EVENT, Buffer.from(json, 'utf8'));
    return json;
  }

  /** The record JSON of one batch. */
  @Transaction(false)
  @Returns('string')
  async GetBatch(ctx: Context, batchId: string): Promise<string> {
    if (typeof batchId !== 'string' || !BATCH_ID_PATTERN.test(batchId)) {
      throw AnchorError.invalid('batchId must be 64 lowercase hex characters');
    }
    const json = await new BatchRepository(ctx.stub).find(batchId);
    if (json === undefined) {
      throw new AnchorError(AnchorErrorCode.BatchNotFound, `no batch ${batchId}`);
    }
    return json;
  }

  /**
   * A JSON array of the records whose [firstTime, lastTime] overlaps [fromIso, toIso],
   * oldest lastTime first, at most `limit` (1..1000). To page, query again from the
   * last record's lastTime and skip the ids already seen.
   */
  @Transaction(false)
  @Returns('string')
  async QueryBatchesByTime(ctx: Context, fromIso: string, toIso: string, limit: string): Promise<string> {
    const query = parseBatchTimeQuery(fromIso, toIso, limit);
    const records = await new BatchRepository(ctx.stub).findOverlapping(query);
    return JSON.stringify(records);
  }
}
