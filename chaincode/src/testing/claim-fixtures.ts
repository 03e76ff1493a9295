// A batch of record events anchored for real (its Merkle tree built by the ledger's
// own merkle lib) and claim transitions documented by it, for the claim contract's specs.
import { randomUUID } from 'node:crypto';
import type { AdjudicateTransition, ClaimTransition, SubmitTransition } from '@carechain/ledger-chaincode-api';
import { buildTree, toHex } from '@carechain/ledger-merkle';
import { anchorArgs, hex64 } from './anchor-fixtures';

/** Stand-ins for record events' commitments (HMACs under patients' salts): the leaves of the batch. */
export const RECORD_EVENT_COMMITMENTS = Array.from({ length: 5 }, (_, i) => Buffer.from(hex64(`record event ${i}`), 'hex'));
export const DOCUMENTED_BATCH = anchorArgs({ batchId: hex64('records batch'), merkleRoot: toHex(buildTree(RECORD_EVENT_COMMITMENTS).root), leafCount: '5' });

const tree = buildTree(RECORD_EVENT_COMMITMENTS);

/** The documentation of record event `leafIndex` of DOCUMENTED_BATCH, as a ledger receipt gives it. */
export function documentation(leafIndex: number) {
  return {
    eventCommitment: toHex(RECORD_EVENT_COMMITMENTS[leafIndex]!),
    batchId: DOCUMENTED_BATCH.batchId,
    leafIndex,
    proof: tree.proof(leafIndex).map(toHex),
  };
}

export function submitTransition(overrides: Partial<SubmitTransition> = {}): SubmitTransition {
  return {
    kind: 'submit',
    transitionId: randomUUID(),
    claimId: randomUUID(),
    at: '2025-03-02T09:00:00.000Z',
    providerOrg: 'hospital-a',
    payerOrg: 'insurer-x',
    contentCommitment: hex64(`claim content ${randomUUID()}`),
    total: { value: '150.00', currency: 'EUR' },
    items: [
      { serviceCommitment: hex64('patient 1 / 99213 / 2025-03-01 / hospital-a'), documentation: documentation(1) },
      { serviceCommitment: hex64('patient 1 / 85025 / 2025-03-01 / hospital-a'), documentation: documentation(4) },
    ],
    ...overrides,
  };
}

export function adjudicateTransition(claimId: string, overrides: Partial<AdjudicateTransition> = {}): AdjudicateTransition {
  return {
    kind: 'adjudicate',
    transitionId: randomUUID(),
    claimId,
    at: '2025-03-02T09:00:01.000Z',
    outcome: 'approved',
    reasonCodes: ['carc:45'],
    ...overrides,
  };
}

export function change(kind: 'cancel' | 'pay', claimId: string): ClaimTransition {
  const base = { transitionId: randomUUID(), claimId, at: '2025-03-03T12:00:00.000Z' };
  return { kind, ...base };
}

export const batchOf = (...transitions: ClaimTransition[]): string => JSON.stringify({ transitions });
