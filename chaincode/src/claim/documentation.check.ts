// Billing verification on the chain: every item of a claim names the record event
// that documents it, by its commitment (the Merkle leaf) and its inclusion proof in a
// batch the anchor contract holds. The contract reads the batch through the same world
// state, recomputes the RFC 9162 path from the leaf to the stored root, and requires
// the batch to have been anchored no later than the claim was submitted: care cannot
// be documented after it was billed.
import type { BatchRecord, ClaimItemSubmission } from '@carechain/ledger-chaincode-api';
import { verifyInclusion } from '@carechain/ledger-merkle';
import { BatchRepository } from '../anchor/batch.repository';
import type { ClaimLedger } from './claim-ledger.port';

export class DocumentationCheck {
  private readonly batches: BatchRepository;
  // A batch typically documents many items of a transaction: read each once.
  private readonly seen = new Map<string, BatchRecord | undefined>();

  constructor(ledger: ClaimLedger) {
    this.batches = new BatchRepository(ledger);
  }

  /** Why the items are not all documented in time, or undefined when they are. */
  async failure(items: readonly ClaimItemSubmission[], submittedAt: string): Promise<string | undefined> {
    for (const [i, item] of items.entries()) {
      const doc = item.documentation;
      if (doc === null) return `item ${i} names no anchored record event`;
      const batch = await this.batch(doc.batchId);
      if (batch === undefined) return `item ${i}: batch ${doc.batchId} is not anchored`;
      // Both are toISOString() strings (the parser and the anchor contract make sure), so text order is time order.
      if (batch.anchoredAt > submittedAt) return `item ${i}: batch ${doc.batchId} was anchored at ${batch.anchoredAt}, after the claim (${submittedAt})`;
      const leaf = Buffer.from(doc.eventCommitment, 'hex');
      const proof = doc.proof.map((p) => Buffer.from(p, 'hex'));
      if (!verifyInclusion(leaf, doc.leafIndex, batch.leafCount, proof, Buffer.from(batch.merkleRoot, 'hex'))) {
        return `item ${i}: the inclusion proof does not lead to the root of batch ${doc.batchId}`;
      }
    }
    return undefined;
  }

  private async batch(batchId: string): Promise<BatchRecord | undefined> {
    if (!this.seen.has(batchId)) {
      const json = await this.batches.find(batchId);
      // Only serializeBatchRecord writes under anchor/batch/, so the shape is known.
      this.seen.set(batchId, json === undefined ? undefined : (JSON.parse(json) as BatchRecord));
    }
    return this.seen.get(batchId);
  }
}
