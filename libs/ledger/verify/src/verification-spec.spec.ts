// docs/verification.md is the specification a verifier in another language follows;
// its worked example must be what this code computes, step by step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { canonicalEventBytes, fromHex, hashLeaf, inclusionProof, leafCommitment, merkleRoot, toHex } from '@carechain/ledger-merkle';
import { checkLeafAndPath, verifyEvent } from './verify-event';

const doc = readFileSync(join(__dirname, '../../../../docs/verification.md'), 'utf8');
const block = (name: string) => {
  const match = new RegExp('```\\w+ ' + name + '\\n([\\s\\S]*?)\\n```').exec(doc);
  if (!match) throw new Error(`docs/verification.md has no ${name} block`);
  return match[1]!;
};
const eventText = block('example-event');
const values = JSON.parse(block('example-values')) as {
  salt: string;
  commitment: string;
  leafHash: string;
  leafIndex: number;
  treeSize: number;
  proof: string[];
  merkleRoot: string;
  otherLeaves: string[];
  source: { topic: string; partition: number; firstOffset: number; lastOffset: number; offset: number };
  batchId: string;
};

describe('the verification specification’s worked example', () => {
  it('canonicalises the event to the bytes it shows', () => {
    expect(canonicalEventBytes(JSON.parse(eventText)).toString('utf8')).toBe(block('example-canonical'));
  });

  it('has the commitment, leaf hash, audit path, root and batch id the code computes', () => {
    const commitment = leafCommitment(canonicalEventBytes(JSON.parse(eventText)), fromHex(values.salt));
    expect(toHex(commitment)).toBe(values.commitment);
    expect(toHex(hashLeaf(commitment))).toBe(values.leafHash);
    const leaves = [fromHex(values.otherLeaves[0]!), commitment, fromHex(values.otherLeaves[1]!)];
    expect(toHex(merkleRoot(leaves))).toBe(values.merkleRoot);
    expect(inclusionProof(leaves, values.leafIndex).map(toHex)).toEqual(values.proof);
    expect(values.proof).toEqual([toHex(hashLeaf(leaves[0]!)), toHex(hashLeaf(leaves[2]!))]);
    const s = values.source;
    expect(createHash('sha256').update(`carechain-batch\n${s.topic}\n${s.partition}\n${s.firstOffset}\n${s.lastOffset}`).digest('hex')).toBe(values.batchId);
  });

  it('verifies with the library, and names what breaks when one byte of the event changes', async () => {
    const receipt = {
      eventId: '8d0c9a4e-7a61-4d55-9f3b-2f0e1c4b7a10',
      source: { topic: values.source.topic, partition: values.source.partition, offset: String(values.source.offset) },
      commitment: values.commitment,
      batchId: values.batchId,
      leafIndex: values.leafIndex,
      treeSize: values.treeSize,
      proof: values.proof,
      merkleRoot: values.merkleRoot,
    };
    const batch = {
      merkleRoot: values.merkleRoot,
      leafCount: 3,
      sourceRange: { topic: values.source.topic, partition: values.source.partition, firstOffset: 41, lastOffset: 43 },
      anchoredAt: '2026-12-01T09:30:01.000Z',
      txId: 'tx-1',
      submitterMspId: 'ProviderOrgMSP',
    };
    const chain = { getBatch: async (id: string) => (id === values.batchId ? batch : undefined) };
    const bytes = Buffer.from(eventText, 'utf8');
    expect(await verifyEvent(bytes, receipt, fromHex(values.salt), chain)).toMatchObject({ verified: true, leafIndex: 1 });
    const tampered = Buffer.from(eventText.replace('"TREAT"', '"TREAS"'), 'utf8');
    expect(checkLeafAndPath(tampered, receipt, fromHex(values.salt))).toMatchObject({ verified: false, failure: 'leaf-mismatch' });
  });
});
