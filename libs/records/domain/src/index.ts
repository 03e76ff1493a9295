export { AccessLog, erasedOutcome, outcomesOf, type AccessOutcome } from './access-log';
export { CLAIM_DISCLOSURE_EVENTS, ClaimDisclosuresReplica } from './claim-disclosures.replica';
export { ConsentGate, type GrantSource } from './consent-gate';
export { PatientLookup, type PatientDirectory } from './patient-lookup';
export {
  historyBundle,
  recordUrn,
  searchBundle,
  type BundleLinks,
  type HistoryEntry,
  type RecordHistoryBundle,
  type RecordsSearchBundle,
  type WithheldOutcomeEntry,
} from './records-bundles';
export { ReadRecordUseCase, type OpenedVersion } from './read-record.use-case';
export type { RecordPage, RecordStore } from './record-store.port';
export { recordContext, RecordVault, type PatientKeys } from './record-vault';
export { DEFAULT_TIMING, recordsKit, type ClaimDisclosures, type RecordsDeps, type RecordsKit, type RecordsTiming } from './records.deps';
export { patientErased, recordNotFound, RecordsError, RecordsErrorCode, type RecordsErrorDetails } from './records.error';
export { patientKeys, RecordKeys, RECORDS_PROJECTION_EVENTS, recordsProjection, type RecordsProjectionOptions } from './records.projection';
export { RECORDS_READ_MODEL, RECORDS_READ_MODEL_GROUP, RECORDS_SOURCE } from './records-topology';
export { RedisRecordStore, type RecordsRedis } from './redis-record.store';
export type { ReadRequest, Requester } from './requester';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SearchRecordsUseCase, type SearchQuery, type SearchResult } from './search-records.use-case';
export { ShareRecordUseCase, type SharedRecord, type ShareRequest } from './share-record.use-case';
export { decodeStoredVersion, encodeStoredVersion, type StoredVersion } from './stored-version';
export { WriteRecordUseCase, type WrittenRecord } from './write-record.use-case';
