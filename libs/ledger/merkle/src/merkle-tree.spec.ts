import { buildTree, inclusionProof, merkleRoot } from './merkle-tree';
import { MerkleErrorCode } from './merkle.error';
import { referencePath, referenceRoot, sampleLeaves } from './testing/rfc6962.reference';

const hex = (b: Buffer): string => b.toString('hex');

// The leaves and roots of the Certificate Transparency reference test suite
// (merkle_tree_test.cc), which implements RFC 6962 §2.1.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('buildTree', () => {
  it('gives the empty tree SHA-256("") and no proofs', () => {
    const tree = buildTree([]);
    expect(tree.size).toBe(0);
    expect(hex(tree.root)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(() => tree.proof(0)).toThrow(MerkleErrorCode.InvalidIndex);
  });

  it('matches the Certificate Transparency known-answer roots', () => {
    CT_ROOTS.forEach((root, i) => expect(hex(merkleRoot(CT_LEAVES.slice(0, i + 1)))).toBe(root));
  });

  it.each(Array.from({ length: 33 }, (_, i) => i + 1))('matches the RFC 6962 recursion for %i leaves, root and every path', (size) => {
    const leaves = sampleLeaves(size);
    const tree = buildTree(leaves);
    expect(tree.size).toBe(size);
    expect(hex(tree.root)).toBe(hex(referenceRoot(leaves)));
    for (let index = 0; index < size; index++) {
      expect(tree.proof(index).map(hex)).toEqual(referencePath(index, leaves).map(hex));
    }
  });

  it('hands out proofs and roots the caller may mutate without harming the tree', () => {
    const tree = buildTree(sampleLeaves(5));
    const root = hex(tree.root);
    const first = tree.proof(0);
    first.forEach((node) => node.fill(0));
    tree.root.fill(0);
    expect(hex(tree.root)).toBe(root);
    expect(tree.proof(0).map(hex)).toEqual(referencePath(0, sampleLeaves(5)).map(hex));
  });

  it.each([-1, 3, 1.5, Number.NaN])('refuses leaf index %p outside the tree', (index) => {
    expect(() => buildTree(sampleLeaves(3)).proof(index)).toThrow(MerkleErrorCode.InvalidIndex);
  });

  it('builds a 10,000-leaf batch whose proofs match the reference at its edges', () => {
    const leaves = sampleLeaves(10_000);
    const tree = buildTree(leaves);
    for (const index of [0, 1, 4095, 4096, 8191, 8192, 9998, 9999]) {
      expect(tree.proof(index).map(hex)).toEqual(referencePath(index, leaves).map(hex));
    }
  });
});

describe('merkleRoot / inclusionProof', () => {
  it('are the one-shot forms of buildTree', () => {
    const leaves = sampleLeaves(11);
    expect(hex(merkleRoot(leaves))).toBe(hex(referenceRoot(leaves)));
    expect(inclusionProof(leaves, 10).map(hex)).toEqual(referencePath(10, leaves).map(hex));
  });
});
