// An RFC 6962 Merkle tree built bottom-up in O(n) hashes, keeping every level so each
// audit path is O(log n) to read: all proofs of a batch cost O(n log n) in total.
//
// Bottom-up pairing where an odd last node is promoted unchanged to the next level
// yields exactly the RFC's recursive tree (split at the largest power of two < n):
// the left part of the split is a perfect subtree whose pairs never cross the split,
// and the right part's root is promoted until it meets the left one. The specs check
// this against a literal recursive implementation of RFC 6962 §2.1.
import { HASH_SIZE } from './hash-encoding';
import { MerkleError, MerkleErrorCode } from './merkle.error';
import { EMPTY_TREE_HASH, hashChildren, hashLeaf } from './tree-hash';

export interface MerkleTree {
  /** Number of leaves. */
  readonly size: number;
  /** MTH(D[n]); SHA-256("") for an empty tree; a fresh copy on each read. */
  readonly root: Buffer;
  /** RFC 6962 §2.1.1 audit path for the leaf at `index`, bottom-up; fresh buffers. */
  proof(index: number): Buffer[];
}

class LevelledMerkleTree implements MerkleTree {
  readonly size: number;
  private readonly rootHash: Buffer;

  // levels[0] holds the leaf hashes, the last level the root; each level is one
  // contiguous buffer of `counts[k]` hashes: one allocation per level, not per node.
  constructor(
    private readonly levels: readonly Buffer[],
    private readonly counts: readonly number[],
  ) {
    this.size = counts.length === 0 ? 0 : counts[0];
    this.rootHash = Buffer.from(levels.length === 0 ? EMPTY_TREE_HASH : levels[levels.length - 1]);
  }

  get root(): Buffer {
    return Buffer.from(this.rootHash); // a copy, like proofs: callers may mutate it
  }

  proof(index: number): Buffer[] {
    assertLeafIndex(index, this.size);
    // Copied into one fresh buffer, so a caller mutating a proof cannot corrupt the
    // tree; the path is never longer than the number of levels above the leaves.
    const out = Buffer.allocUnsafe((this.levels.length - 1) * HASH_SIZE);
    let length = 0;
    let node = index;
    for (let level = 0; level < this.levels.length - 1; level++) {
      const sibling = node ^ 1;
      // A promoted node (the odd last one) has no sibling at this level: RFC 6962
      // adds nothing to the path for it.
      if (sibling < this.counts[level]) {
        this.levels[level].copy(out, length * HASH_SIZE, sibling * HASH_SIZE, (sibling + 1) * HASH_SIZE);
        length++;
      }
      node >>>= 1;
    }
    const path: Buffer[] = [];
    for (let i = 0; i < length; i++) {
      path.push(out.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
    }
    return path;
  }
}

/** Builds the tree over `leaves` (raw leaf data, e.g. 32-byte commitments). */
export function buildTree(leaves: readonly Uint8Array[]): MerkleTree {
  if (leaves.length === 0) {
    return new LevelledMerkleTree([], []);
  }
  const first = Buffer.allocUnsafe(leaves.length * HASH_SIZE);
  leaves.forEach((leaf, i) => first.set(hashLeaf(leaf), i * HASH_SIZE));
  const levels: Buffer[] = [first];
  const counts: number[] = [leaves.length];
  let below = first;
  let count = leaves.length;
  while (count > 1) {
    const nextCount = Math.ceil(count / 2);
    const next = Buffer.allocUnsafe(nextCount * HASH_SIZE);
    for (let i = 0; i < nextCount; i++) {
      const left = below.subarray(2 * i * HASH_SIZE, (2 * i + 1) * HASH_SIZE);
      const hasRight = 2 * i + 1 < count;
      const parent = hasRight ? hashChildren(left, below.subarray((2 * i + 1) * HASH_SIZE, (2 * i + 2) * HASH_SIZE)) : left;
      next.set(parent, i * HASH_SIZE);
    }
    levels.push(next);
    counts.push(nextCount);
    below = next;
    count = nextCount;
  }
  return new LevelledMerkleTree(levels, counts);
}

/** MTH(D[n]) of RFC 6962 §2.1. */
export function merkleRoot(leaves: readonly Uint8Array[]): Buffer {
  return buildTree(leaves).root;
}

/** PATH(m, D[n]) of RFC 6962 §2.1.1; prefer `buildTree(...).proof` for many indices. */
export function inclusionProof(leaves: readonly Uint8Array[], index: number): Buffer[] {
  return buildTree(leaves).proof(index);
}

function assertLeafIndex(index: number, size: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new MerkleError(MerkleErrorCode.InvalidIndex, `leaf index ${index} is outside a tree of ${size} leaves`);
  }
}
