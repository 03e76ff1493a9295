// Why an event did not verify: a closed set a caller can switch on (audit, the CLI,
// a monitor), each with the question it answers. Messages are built by the verifier
// with ids and hashes only.
export enum VerificationFailure {
  /** The event bytes are not JSON: they cannot be the event that was anchored. */
  NotJson = 'not-json',
  /** The salt the commitment was made under cannot be had (not disclosed, unknown version). */
  SaltUnavailable = 'salt-unavailable',
  /** The patient was erased: their salt is shredded, and the commitment links to nothing now. */
  SaltShredded = 'salt-shredded',
  /** The event's recomputed commitment is not the receipt's leaf: the event changed, or the salt is another. */
  LeafMismatch = 'leaf-mismatch',
  /** The audit path does not lead from the leaf to the receipt's root. */
  PathMismatch = 'path-mismatch',
  /** The chain holds no batch with the receipt's id. */
  BatchUnknown = 'batch-unknown',
  /** The root on the chain is not the receipt's. */
  RootMismatch = 'root-mismatch',
  /** The chain's batch has another number of leaves than the proof is for. */
  SizeMismatch = 'size-mismatch',
  /** The event's topic, partition and offset are outside the batch's source range on the chain. */
  OutsideRange = 'outside-range',
}
