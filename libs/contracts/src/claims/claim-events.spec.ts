import { ContractError } from '../contract.error';
import { createEvent } from '../envelope';
import { validateEvent } from '../registry';
import { CLAIM_ADJUDICATED_V1, CLAIM_SUBMITTED_V1 } from './claim-events.v1';

const sealed = { alg: 'A256GCM', keyVersion: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'abc', tag: 'AAAAAAAAAAAAAAAAAAAAAA' };
const ids = { claimId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', patientId: '0b0f4c3e-6a8e-4b2a-9d7e-3f1f1a2b3c4d' };

const submitted = {
  ...ids,
  provider: 'hospital-a',
  insurer: 'payer-c',
  coverageId: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
  use: 'claim',
  submittedBy: { subject: 'clerk-1', organisation: 'hospital-a' },
  purpose: 'HPAYMT',
  documentingRecordIds: ['5d3b9a6e-1c2f-4e8a-9b7d-2a1c3e4f5a6b'],
  resource: sealed,
};

const adjudicated = {
  ...ids,
  outcome: 'partially-approved',
  reAdjudication: false,
  decidedBy: { kind: 'engine' },
  plan: { planId: 'gold-2026', version: 3 },
  items: [{ sequence: 1, reasons: [{ system: 'carc', code: '45' }] }],
  response: sealed,
};

describe('claim events', () => {
  it('accepts a submitted claim and an adjudication', () => {
    expect(validateEvent(createEvent({ type: CLAIM_SUBMITTED_V1, source: '/carechain/claims', subject: ids.patientId, data: submitted })).type).toBe(
      CLAIM_SUBMITTED_V1,
    );
    expect(validateEvent(createEvent({ type: CLAIM_ADJUDICATED_V1, source: '/carechain/claims', subject: ids.patientId, data: adjudicated })).type).toBe(
      CLAIM_ADJUDICATED_V1,
    );
  });

  it('refuses a claim resource in clear, and reasons that are not CARC/RARC codes', () => {
    const inClear = { ...submitted, resource: { resourceType: 'Claim' } };
    expect(() => validateEvent(createEvent({ type: CLAIM_SUBMITTED_V1, source: '/c', data: inClear }))).toThrow(ContractError);
    const prose = { ...adjudicated, items: [{ sequence: 1, reasons: [{ system: 'carc', code: 'not covered' }] }] };
    expect(() => validateEvent(createEvent({ type: CLAIM_ADJUDICATED_V1, source: '/c', data: prose }))).toThrow(ContractError);
  });

  it('names the person who decided outside the engine', () => {
    const person = { ...adjudicated, decidedBy: { kind: 'person' } };
    expect(() => validateEvent(createEvent({ type: CLAIM_ADJUDICATED_V1, source: '/c', data: person }))).toThrow(ContractError);
  });
});
