// From consumed records to what goes on the chain: each event's keyed commitment
// (the Merkle leaf), the tree over them, and the anchor describing the batch.
import { type BatchAnchor, MAX_BATCH_WINDOW_MS } from '@carechain/ledger-chaincode-api';
import type { ConsumedRecord } from '@carechain/messaging';
import { buildTree, canonicalEventBytes, hashFromHex, leafCommitment, toHex, type CommitmentSaltProvider, type MerkleTree } from '@carechain/ledger-merkle';
import { batchIdOf } from './batch-id';

export interface PreparedBatch {
  readonly anchor: BatchAnchor;
  readonly records: readonly ConsumedRecord[];
  readonly commitments: readonly Buffer[];
  readonly saltVersions: readonly string[];
  readonly tree: MerkleTree;
}

// The chaincode refuses a batch whose events span more than MAX_BATCH_WINDOW_MS (that
// bound keeps its time queries cheap); a replay of old events is cut accordingly.
export { MAX_BATCH_WINDOW_MS } from '@carechain/ledger-chaincode-api';

/** Splits one partition's records into batches of at most `maxEvents` events and the time window. */
export function cutBatches(records: readonly ConsumedRecord[], maxEvents: number): ConsumedRecord[][] {
  const batches: ConsumedRecord[][] = [];
  let current: ConsumedRecord[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (const record of records) {
    const t = Date.parse(record.event.time);
    const nextMin = Math.min(min, t);
    const nextMax = Math.max(max, t);
    if (current.length >= maxEvents || (current.length > 0 && nextMax - nextMin > MAX_BATCH_WINDOW_MS)) {
      batches.push(current);
      current = [];
      min = t;
      max = t;
    } else {
      min = nextMin;
      max = nextMax;
    }
    current.push(record);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Leaves computed before a crash, to be reused as they are. */
export interface StoredLeaves {
  readonly commitments: readonly string[];
  readonly saltVersions: readonly string[];
}

export async function prepareBatch(records: readonly ConsumedRecord[], salts: CommitmentSaltProvider, stored?: StoredLeaves): Promise<PreparedBatch> {
  const first = records[0];
  const last = records[records.length - 1];
  if (!first || !last) throw new Error('a batch needs at least one record');
  const { commitments, saltVersions } = stored ? restoredLeaves(records, stored) : await computedLeaves(records, salts);
  let min = Infinity;
  let max = -Infinity;
  for (const record of records) {
    const t = Date.parse(record.event.time);
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  const tree = buildTree(commitments);
  return {
    anchor: {
      batchId: batchIdOf(first.topic, first.partition, first.offset, last.offset),
      merkleRoot: toHex(tree.root),
      leafCount: records.length,
      firstTime: new Date(min).toISOString(),
      lastTime: new Date(max).toISOString(),
      sourceRange: { topic: first.topic, partition: first.partition, firstOffset: Number(first.offset), lastOffset: Number(last.offset) },
    },
    records,
    commitments,
    saltVersions,
    tree,
  };
}

async function computedLeaves(records: readonly ConsumedRecord[], salts: CommitmentSaltProvider): Promise<{ commitments: Buffer[]; saltVersions: string[] }> {
  const commitments: Buffer[] = [];
  const saltVersions: string[] = [];
  // One lookup per subject, all at once: a provider may wait for a key to arrive, and a batch waits at most once.
  const bySubject = new Map<string | undefined, ReturnType<CommitmentSaltProvider['saltFor']>>();
  for (const { event } of records) if (!bySubject.has(event.subject)) bySubject.set(event.subject, salts.saltFor(event.subject));
  for (const record of records) {
    const { salt, keyVersion } = await bySubject.get(record.event.subject)!;
    commitments.push(leafCommitment(canonicalEventBytes(record.event), salt));
    saltVersions.push(keyVersion);
  }
  return { commitments, saltVersions };
}

function restoredLeaves(records: readonly ConsumedRecord[], stored: StoredLeaves): { commitments: Buffer[]; saltVersions: string[] } {
  if (stored.commitments.length !== records.length || stored.saltVersions.length !== records.length) {
    const range = `${records[0]!.topic}/${records[0]!.partition} ${records[0]!.offset}-${records[records.length - 1]!.offset}`;
    throw new Error(`the written plan for ${range} holds ${stored.commitments.length} leaves but the topic returned ${records.length} records`);
  }
  return { commitments: stored.commitments.map((c) => hashFromHex(c, 'a stored commitment')), saltVersions: [...stored.saltVersions] };
}
