// Verifies one event against its receipt and the chain, the way a third party would:
// recompute the leaf from the event's bytes and the commitment salt, check the audit
// path to the root, then compare root, size and source range with the batch record
// read from a peer the verifier trusts. The specification of every step, precise
// enough for another language, is docs/verification.md.
import { canonicalEventBytes, fromHex, leafCommitment, toHex, verifyInclusion } from '@carechain/ledger-merkle';
import { VerificationFailure } from './verification-failure';

/** What the verifier needs of a receipt (ledger.receipt.v1's fields). */
export interface EventReceipt {
  readonly eventId: string;
  readonly source: { readonly topic: string; readonly partition: number; readonly offset: string };
  /** The leaf: HMAC-SHA-256 of the event's canonical bytes under the salt, hex. */
  readonly commitment: string;
  readonly batchId: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  /** The RFC 6962 audit path, leaf to root, hex. */
  readonly proof: readonly string[];
  readonly merkleRoot: string;
}

/** What the verifier needs of the batch record on the chain (the anchor contract's GetBatch). */
export interface AnchoredBatch {
  readonly merkleRoot: string;
  readonly leafCount: number;
  readonly sourceRange: { readonly topic: string; readonly partition: number; readonly firstOffset: number; readonly lastOffset: number };
  readonly anchoredAt: string;
  readonly txId: string;
  readonly submitterMspId: string;
}

/** A peer to read batches from: the Fabric adapter, or a fake in a spec. */
export interface BatchReader {
  getBatch(batchId: string): Promise<AnchoredBatch | undefined>;
}

export type Verdict =
  | { readonly verified: true; readonly eventId: string; readonly batchId: string; readonly leafIndex: number; readonly batch: AnchoredBatch }
  | { readonly verified: false; readonly failure: VerificationFailure; readonly message: string };

/** The salt: its bytes, or why there are none. */
export type SaltInput = Uint8Array | { readonly unavailable: VerificationFailure.SaltShredded | VerificationFailure.SaltUnavailable; readonly reason: string };

const refuse = (failure: VerificationFailure, message: string): Verdict => ({ verified: false, failure, message });

/** The leaf and the path, offline: undefined when both hold, else the failure. */
export function checkLeafAndPath(eventBytes: Uint8Array, receipt: EventReceipt, salt: SaltInput): Verdict | undefined {
  if (!(salt instanceof Uint8Array)) return refuse(salt.unavailable, salt.reason);
  let event: unknown;
  try {
    event = JSON.parse(Buffer.from(eventBytes).toString('utf8'));
  } catch {
    return refuse(VerificationFailure.NotJson, 'the event is not JSON');
  }
  if (typeof event !== 'object' || event === null) return refuse(VerificationFailure.NotJson, 'the event is not a JSON object');
  const commitment = toHex(leafCommitment(canonicalEventBytes(event), salt));
  if (commitment !== receipt.commitment) {
    return refuse(
      VerificationFailure.LeafMismatch,
      `the event's commitment is ${commitment} but the receipt says ${receipt.commitment} (the event was changed, or the salt is not the one it was committed under)`,
    );
  }
  if (!receiptPathHolds(receipt)) {
    return refuse(
      VerificationFailure.PathMismatch,
      `the inclusion proof of leaf ${receipt.leafIndex} in a tree of ${receipt.treeSize} does not lead to root ${receipt.merkleRoot}`,
    );
  }
  return undefined;
}

/** Whether the receipt's audit path leads from its leaf to its root (no event, no chain: what audit checks on arrival). */
export function receiptPathHolds(receipt: Pick<EventReceipt, 'commitment' | 'leafIndex' | 'treeSize' | 'proof' | 'merkleRoot'>): boolean {
  try {
    return verifyInclusion(
      fromHex(receipt.commitment),
      receipt.leafIndex,
      receipt.treeSize,
      receipt.proof.map((h) => fromHex(h)),
      fromHex(receipt.merkleRoot),
    );
  } catch {
    return false;
  }
}

/** The whole verification: leaf, path, and the batch as the chain has it. */
export async function verifyEvent(eventBytes: Uint8Array, receipt: EventReceipt, salt: SaltInput, chain: BatchReader): Promise<Verdict> {
  const offline = checkLeafAndPath(eventBytes, receipt, salt);
  if (offline) return offline;
  const batch = await chain.getBatch(receipt.batchId);
  if (!batch) return refuse(VerificationFailure.BatchUnknown, `batch ${receipt.batchId} is not on the chain`);
  if (batch.merkleRoot !== receipt.merkleRoot)
    return refuse(VerificationFailure.RootMismatch, `the root on the chain is ${batch.merkleRoot}, the receipt says ${receipt.merkleRoot}`);
  // The tree size must come from the chain: an inclusion proof alone does not pin it (RFC 9162 authenticates size and root as a pair).
  if (batch.leafCount !== receipt.treeSize)
    return refuse(VerificationFailure.SizeMismatch, `the chain's batch has ${batch.leafCount} leaves, the receipt's proof is for ${receipt.treeSize}`);
  const r = batch.sourceRange;
  const offset = Number(receipt.source.offset);
  if (r.topic !== receipt.source.topic || r.partition !== receipt.source.partition || offset < r.firstOffset || offset > r.lastOffset) {
    return refuse(
      VerificationFailure.OutsideRange,
      `the event's place ${receipt.source.topic}/${receipt.source.partition}@${offset} is outside the batch's range ${r.topic}/${r.partition}@${r.firstOffset}-${r.lastOffset}`,
    );
  }
  return { verified: true, eventId: receipt.eventId, batchId: receipt.batchId, leafIndex: receipt.leafIndex, batch };
}
