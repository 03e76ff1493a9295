// The end-to-end re-verification of one sampled event, as a third party would do it
// but with the record the monitor itself replayed from Kafka: audit's receipt for the
// event must name the chain's batch covering its offset, its inclusion proof must lead
// to its root, that root and tree size must be the chain's (the batch as every
// organisation's peer holds it: the peers' agreement is checked apart), and the leaf
// recomputed from the record's canonical bytes under the salt the receipt names must
// be the receipt's leaf. A record forged after anchoring (same offset, other bytes), or
// a leaf that was never this record's, fails the last step only. An erased patient's
// salt is shredded: their events can no longer be recomputed, which is not a mismatch.
import { checkLeafAndPath, receiptPathHolds, VerificationFailure, type EventReceipt, type SaltInput } from '@carechain/ledger-verify';
import type { ChainBatch, LogRecord } from './partition-coverage';

/** audit's receipt of an event, with the salt version its leaf was made under. */
export interface SampledReceipt extends EventReceipt {
  readonly saltVersion: string;
}

/** The salt a receipt's salt version names for an event about `subject`, or why there is none. */
export interface SaltSource {
  saltOf(subject: string | undefined, saltVersion: string): Promise<SaltInput>;
}

export interface Sample {
  readonly batch: ChainBatch;
  readonly topic: string;
  readonly partition: number;
  readonly record: LogRecord;
}

export type SampleOutcome =
  | { readonly outcome: 'verified' }
  | { readonly outcome: 'mismatch'; readonly detail: string }
  /** The patient was erased: the commitment links to nothing any more. */
  | { readonly outcome: 'erased' }
  /** The salt is not (yet) at hand: e.g. the patient's keys have not reached audit's replica. */
  | { readonly outcome: 'salt-unavailable'; readonly reason: string };

export async function checkSample(sample: Sample, receipt: SampledReceipt, salts: SaltSource): Promise<SampleOutcome> {
  const problem = mismatchOf(sample, receipt);
  if (problem) return { outcome: 'mismatch', detail: problem };
  const event = sample.record.sampled;
  if (!event) return { outcome: 'salt-unavailable', reason: 'the record was not kept for re-verification' };
  const salt = await salts.saltOf(event.subject, receipt.saltVersion);
  const verdict = checkLeafAndPath(event.bytes, receipt, salt);
  if (!verdict || verdict.verified) return { outcome: 'verified' };
  switch (verdict.failure) {
    case VerificationFailure.SaltShredded:
      return { outcome: 'erased' };
    case VerificationFailure.SaltUnavailable:
      return { outcome: 'salt-unavailable', reason: verdict.message };
    default:
      return {
        outcome: 'mismatch',
        detail: `${placeOf(sample)}: the record replayed from Kafka does not make the receipt's leaf: ${verdict.message}`,
      };
  }
}

function placeOf({ topic, partition, record }: Pick<Sample, 'topic' | 'partition' | 'record'>): string {
  return `event ${record.eventId} at ${topic}/${partition}@${record.offset}`;
}

/** Why the receipt does not re-verify against the chain's batch for the event's offset, or undefined. */
export function mismatchOf(sample: Pick<Sample, 'batch' | 'topic' | 'partition' | 'record'>, receipt: EventReceipt): string | undefined {
  const { batch, record } = sample;
  const where = placeOf(sample);
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
