import type { BatchRecord } from '@carechain/ledger-chaincode-api';
import { PeerAgreement } from './peer-agreement';

const record = (over: Partial<BatchRecord> = {}): BatchRecord => ({
  batchId: 'b1',
  merkleRoot: 'ab'.repeat(32),
  leafCount: 2,
  firstTime: '2026-01-01T00:00:00.000Z',
  lastTime: '2026-01-01T00:00:01.000Z',
  sourceRange: { topic: 'records.record.v1', partition: 1, firstOffset: 4, lastOffset: 5 },
  anchoredAt: '2026-01-01T00:00:02.000Z',
  submitterMspId: 'ProviderOrgMSP',
  txId: 'tx1',
  ...over,
});

describe('PeerAgreement', () => {
  it('passes a batch both peers hold identically, and hands it on once', () => {
    const a = new PeerAgreement(['ProviderOrg', 'PayerOrg']);
    expect(a.add('ProviderOrg', record(), 0)).toEqual({ first: true });
    expect(a.add('PayerOrg', record(), 1)).toEqual({ first: false });
    expect(a.check(100_000, 1000)).toEqual([]);
  });

  it('reports peers holding one batch differently', () => {
    const a = new PeerAgreement(['ProviderOrg', 'PayerOrg']);
    a.add('ProviderOrg', record(), 0);
    const { finding } = a.add('PayerOrg', record({ merkleRoot: 'cd'.repeat(32) }), 1);
    expect(finding).toMatchObject({ kind: 'peer-disagreement', batchIds: ['b1'], topic: 'records.record.v1', partition: 1, firstOffset: '4', lastOffset: '5' });
  });

  it('reports a batch one peer still lacks after the grace time, once', () => {
    const a = new PeerAgreement(['ProviderOrg', 'PayerOrg']);
    a.add('ProviderOrg', record(), 0);
    expect(a.check(500, 1000)).toEqual([]);
    const [late] = a.check(1001, 1000);
    expect(late).toMatchObject({ kind: 'peer-disagreement', organisations: ['PayerOrg'] });
    expect(a.check(5000, 1000)).toEqual([]);
  });
});
