// Storage of batch records: the record under its id, and a copy under the time index
// so a time query is one range scan with no further reads. Records are immutable,
// so the two copies cannot drift apart.
import type { AnchorLedger } from './anchor-ledger.port';
import { batchKey, byLastTimeKey, byLastTimeRange } from './batch-keys';
import { type BatchRecord, MAX_BATCH_WINDOW_MS, serializeBatchRecord } from '@carechain/ledger-chaincode-api';
import type { BatchTimeQuery } from './batch-query.parser';

export class BatchRepository {
  constructor(private readonly ledger: AnchorLedger) {}

  /** The stored JSON of a batch, or undefined. */
  async find(batchId: string): Promise<string | undefined> {
    const value = await this.ledger.getState(batchKey(batchId));
    return value.length === 0 ? undefined : Buffer.from(value).toString('utf8');
  }

  /** Writes the record and its index entry; returns the stored JSON. */
  async insert(record: BatchRecord): Promise<string> {
    const json = serializeBatchRecord(record);
    const bytes = Buffer.from(json, 'utf8');
    await this.ledger.putState(batchKey(record.batchId), bytes);
    await this.ledger.putState(byLastTimeKey(record.lastTime, record.batchId), bytes);
    return json;
  }

  /**
   * Records whose [firstTime, lastTime] overlaps [from, to], ordered by lastTime then
   * batch id, at most `limit` of them.
   *
   * Overlap means lastTime >= from and firstTime <= to. Scanning the lastTime index
   * upwards from `from` meets the first condition. For the second the scan may stop
   * at to + MAX_BATCH_WINDOW_MS: no batch spans more than that, so every later entry
   * has firstTime > to. Entries in between are filtered, never returned.
   */
  async findOverlapping(query: BatchTimeQuery): Promise<BatchRecord[]> {
    const { startKey, endKey } = byLastTimeRange(query.from, query.to + MAX_BATCH_WINDOW_MS);
    const found: BatchRecord[] = [];
    for await (const entry of this.ledger.getStateByRange(startKey, endKey)) {
      const record = parseStoredRecord(entry.value);
      if (Date.parse(record.firstTime) <= query.to) {
        found.push(record);
        if (found.length === query.limit) {
          break; // closes the peer-side iterator early
        }
      }
    }
    return found;
  }
}

// Only serializeBatchRecord writes under the anchor prefixes, so the shape is known.
function parseStoredRecord(value: Uint8Array): BatchRecord {
  return JSON.parse(Buffer.from(value).toString('utf8')) as BatchRecord;
}
