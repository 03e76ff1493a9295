// Inclusion proof verification, RFC 9162 §2.1.3.2. Anyone holding an event, its salt,
// its receipt and the root read from their own peer can run this: no trust in carechain.
import { HASH_SIZE } from './hash-encoding';
import { hashChildren, hashLeaf } from './tree-hash';

/**
 * True when `proof` shows that `leaf` (raw leaf data, not its hash) is leaf number
 * `index` of a tree of `treeSize` leaves whose root is `root`. Malformed input
 * (bad sizes, out-of-range index, wrong proof length) is a plain `false`: a verifier
 * answers "proven" or "not proven", never throws on hostile receipts.
 *
 * RFC 9162 authenticates (treeSize, root) only as a pair, so take both from the
 * chain record (leafCount and merkleRoot), never the size from the receipt alone.
 */
export function verifyInclusion(leaf: Uint8Array, index: number, treeSize: number, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) {
    return false;
  }
  if (!isHash(root) || !proof.every(isHash)) {
    return false;
  }
  // fn walks the leaf's position up the tree, sn the last position of the level.
  // Halving by division keeps this exact for any safe integer; JS bitwise operators
  // would truncate to 32 bits.
  let fn = index;
  let sn = treeSize - 1;
  let r = hashLeaf(leaf);
  for (const p of proof) {
    if (sn === 0) {
      return false; // proof longer than the tree is tall
    }
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      // A right-edge node with no sibling is promoted: skip the levels where that happens.
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && Buffer.compare(r, root) === 0;
}

function isHash(value: Uint8Array): boolean {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}
