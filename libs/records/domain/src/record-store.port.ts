// The read side of the records read model, as the use cases need it. One real
// adapter (RedisRecordStore); specs run it over an in-memory Redis.
import type { RecordCategory } from '@carechain/contracts';
import type { StoredVersion } from './stored-version';

export interface RecordPage {
  /** Records matching the whole search, not just this page. */
  readonly total: number;
  /** The latest version of each record on the page, most recently written first. */
  readonly versions: readonly StoredVersion[];
}

export interface RecordStore {
  /** The patient a record belongs to, or undefined for a record never written. */
  patientOf(recordId: string): Promise<string | undefined>;
  latest(patientId: string, recordId: string): Promise<StoredVersion | undefined>;
  version(patientId: string, recordId: string, version: number): Promise<StoredVersion | undefined>;
  /** Every version, oldest first (empty for an unknown record). */
  history(patientId: string, recordId: string): Promise<StoredVersion[]>;
  /** The patient's records in these categories, newest first, `count` of them from `offset`. */
  search(patientId: string, categories: readonly RecordCategory[], offset: number, count: number): Promise<RecordPage>;
}
