// RFC 6962 §2.1 hashing with domain separation: a leaf hash and an interior node hash
// can never collide because their inputs start with different prefix bytes, so a proof
// cannot pass an interior node off as a leaf (second-preimage attack on the tree).
import { hash } from 'node:crypto';
import { HASH_SIZE } from './hash-encoding';

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_TREE_HASH: Buffer = hash('sha256', Buffer.alloc(0), 'buffer');

/** MTH({d}) = SHA-256(0x00 || d). */
export function hashLeaf(leaf: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(1 + leaf.length);
  input[0] = LEAF_PREFIX;
  input.set(leaf, 1);
  return hash('sha256', input, 'buffer');
}

/** SHA-256(0x01 || left || right); both children are 32-byte hashes. */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  // One allocation and one-shot hashing: this runs ~n times per batch.
  const input = Buffer.allocUnsafe(1 + 2 * HASH_SIZE);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + HASH_SIZE);
  return hash('sha256', input, 'buffer');
}
