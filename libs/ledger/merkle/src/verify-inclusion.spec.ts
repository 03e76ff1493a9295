import { referencePath, referenceRoot, sampleLeaves } from './testing/rfc6962.reference';
import { verifyInclusion } from './verify-inclusion';

const SIZES = Array.from({ length: 33 }, (_, i) => i + 1);

// Proofs come from the reference recursion, not from buildTree, so this spec checks
// the verifier on its own.
function fixture(size: number, index: number) {
  const leaves = sampleLeaves(size);
  return { leaves, leaf: leaves[index], proof: referencePath(index, leaves), root: referenceRoot(leaves) };
}

const flipped = (b: Buffer): Buffer => {
  const copy = Buffer.from(b);
  copy[copy.length - 1] ^= 0x01;
  return copy;
};

describe('verifyInclusion', () => {
  it.each(SIZES)('accepts every leaf of a %i-leaf tree', (size) => {
    for (let index = 0; index < size; index++) {
      const { leaf, proof, root } = fixture(size, index);
      expect(verifyInclusion(leaf, index, size, proof, root)).toBe(true);
    }
  });

  it.each(SIZES)('rejects a tampered leaf, proof node or root in a %i-leaf tree', (size) => {
    for (let index = 0; index < size; index++) {
      const { leaf, proof, root } = fixture(size, index);
      expect(verifyInclusion(Buffer.concat([leaf, Buffer.of(0)]), index, size, proof, root)).toBe(false);
      expect(verifyInclusion(leaf, index, size, proof, flipped(root))).toBe(false);
      proof.forEach((_, i) => {
        const tampered = proof.map((node, j) => (i === j ? flipped(node) : node));
        expect(verifyInclusion(leaf, index, size, tampered, root)).toBe(false);
      });
    }
  });

  it.each(SIZES.filter((s) => s > 1))('rejects a wrong index, a truncated or an extended proof in a %i-leaf tree', (size) => {
    const { leaves, root } = fixture(size, 0);
    for (let index = 0; index < size; index++) {
      const proof = referencePath(index, leaves);
      const other = (index + 1) % size;
      expect(verifyInclusion(leaves[index], other, size, proof, root)).toBe(false);
      expect(verifyInclusion(leaves[index], index, size, proof.slice(0, -1), root)).toBe(false);
      expect(verifyInclusion(leaves[index], index, size, proof.slice(1), root)).toBe(false);
      expect(verifyInclusion(leaves[index], index, size, [...proof, root], root)).toBe(false);
    }
  });

  it.each(SIZES)('rejects a %i-leaf proof presented for a size whose path has another shape', (size) => {
    const { leaves, root } = fixture(size, 0);
    for (let index = 0; index < size; index++) {
      const proof = referencePath(index, leaves);
      for (const wrongSize of [size - 1, size + 1, 2 * size, index]) {
        if (wrongSize > index && referencePath(index, sampleLeaves(wrongSize)).length === proof.length) {
          continue; // same shape: see the next spec
        }
        expect(verifyInclusion(leaves[index], index, wrongSize, proof, root)).toBe(false);
      }
    }
  });

  it('binds the tree size only together with the root, so both must come from the chain record', () => {
    // RFC 9162 authenticates (size, root) as a pair: leaf 0 of 5 and of 6 has the same
    // path shape, so a 5-leaf proof also "verifies" for size 6 against the 5-leaf root.
    const { leaf, proof, root } = fixture(5, 0);
    expect(verifyInclusion(leaf, 0, 6, proof, root)).toBe(true);
    expect(verifyInclusion(leaf, 0, 6, proof, referenceRoot(sampleLeaves(6)))).toBe(false);
  });

  it('rejects malformed input instead of throwing', () => {
    const { leaf, proof, root } = fixture(4, 1);
    expect(verifyInclusion(leaf, -1, 4, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, 4, 4, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, 0.5, 4, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, 1, Number.NaN, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, 1, 4, proof, root.subarray(0, 31))).toBe(false);
    expect(verifyInclusion(leaf, 1, 4, [proof[0], Buffer.concat([proof[1], Buffer.of(0)])], root)).toBe(false);
    expect(verifyInclusion(leaf, 0, 1, [], root)).toBe(false);
  });

  it('accepts a single-leaf tree with an empty proof', () => {
    const { leaf, root } = fixture(1, 0);
    expect(verifyInclusion(leaf, 0, 1, [], root)).toBe(true);
  });
});
