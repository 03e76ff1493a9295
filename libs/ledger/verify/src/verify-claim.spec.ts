import type { ClaimRecord } from '@carechain/ledger-chaincode-api';
import { ClaimVerificationFailure, type HeldClaim, verifyClaim } from './verify-claim';

const hex = (c: string) => c.repeat(64);
const held: HeldClaim = {
  claimId: '7d0f3f55-1f7a-4d4c-9a55-0d2a4f0e8b11',
  provider: 'hospital-a',
  insurer: 'payer-c',
  contentCommitment: hex('a'),
  total: { value: '80.00', currency: 'EUR' },
  items: [{ serviceCommitment: hex('b') }, { serviceCommitment: hex('c') }],
};
const onChain: ClaimRecord = {
  claimId: held.claimId,
  providerOrg: 'hospital-a',
  payerOrg: 'payer-c',
  contentCommitment: hex('a'),
  items: [
    { serviceCommitment: hex('b'), eventCommitment: hex('e'), batchId: hex('f') },
    { serviceCommitment: hex('c'), eventCommitment: hex('e'), batchId: hex('f') },
  ],
  total: { value: '80.00', currency: 'EUR' },
  status: 'paid',
  refusal: null,
  outcome: 'approved',
  reasonCodes: [],
  submittedAt: '2026-12-01T10:00:00.000Z',
  history: [{ transitionId: 'x', kind: 'submit', status: 'submitted', at: '2026-12-01T10:00:00.000Z', txId: 'tx1', mspId: 'ProviderOrgMSP' }],
};
const reader = (claim: ClaimRecord | undefined) => ({ getClaim: async () => claim });

describe('verifyClaim', () => {
  it('verifies the claim held against the chain and returns its history', async () => {
    expect(await verifyClaim(held, reader(onChain))).toEqual({ verified: true, claim: onChain });
  });

  it.each([
    ['claim-unknown', undefined],
    ['parties-mismatch', { ...onChain, payerOrg: 'payer-d' }],
    ['content-mismatch', { ...onChain, contentCommitment: hex('0') }],
    ['items-mismatch', { ...onChain, items: [...onChain.items].reverse() }],
    ['items-mismatch', { ...onChain, items: onChain.items.slice(1) }],
    ['total-mismatch', { ...onChain, total: { value: '800.00', currency: 'EUR' } }],
  ])('says %s when the chain holds something else', async (failure, claim) => {
    const verdict = await verifyClaim(held, reader(claim as ClaimRecord | undefined));
    expect(verdict).toMatchObject({ verified: false, failure: failure as ClaimVerificationFailure });
  });
});
