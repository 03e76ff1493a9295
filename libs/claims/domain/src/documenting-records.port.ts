// Where the documentation check finds the record a claim item bills for. The real
// adapter is RecordsReplica (records.record.v1 replayed into memory, opened with
// the patient's key); specs give a map.

/** What the check needs of a record: whose, by whom, which codes, which day. */
export interface DocumentingRecord {
  readonly recordId: string;
  /** The records event of the latest version: its ledger receipt proves the documentation to the ClaimContract. */
  readonly eventId: string;
  readonly patientId: string;
  /** The organisation that wrote the record's latest version. */
  readonly author: string;
  readonly resourceType: string;
  /** Every code of the resource's main concept (Encounter type/serviceType, Observation code, ChargeItem code). */
  readonly codes: readonly string[];
  /** The day the documented care happened (YYYY-MM-DD), if the resource says. */
  readonly date?: string;
}

export interface DocumentingRecords {
  find(recordId: string): Promise<DocumentingRecord | undefined>;
}
