// Examples of the financial resources the claims service exchanges, minimal and
// with most elements, for the specs.
const PATIENT = 'Patient/0b0f4c3e-6a8e-4b2a-9d7e-3f1f1a2b3c4d';
const RECORD = 'Encounter/5d3b9a6e-1c2f-4e8a-9b7d-2a1c3e4f5a6b';

const header = {
  status: 'active',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
  use: 'claim',
  patient: { reference: PATIENT },
};

export const minimalCoverage = () => ({
  resourceType: 'Coverage',
  status: 'active',
  beneficiary: { reference: PATIENT },
  payor: [{ reference: 'Organization/payer-c' }],
});

export const fullCoverage = () => ({
  ...minimalCoverage(),
  identifier: [{ system: 'urn:carechain:policy:payer-c', value: 'POL-123' }],
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EHCPOL' }] },
  subscriberId: 'SUB-9',
  relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }] },
  period: { start: '2026-01-01', end: '2026-12-31' },
  class: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' }] }, value: 'gold-2026', name: 'Gold' }],
  costToBeneficiary: [{ type: { text: 'copay' }, valueMoney: { value: 10, currency: 'EUR' } }],
});

export const minimalClaim = () => ({
  resourceType: 'Claim',
  ...header,
  created: '2026-03-02T10:00:00Z',
  provider: { reference: 'Organization/hospital-a' },
  priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
  insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b' } }],
});

export const fullClaim = () => ({
  ...minimalClaim(),
  insurer: { reference: 'Organization/payer-c' },
  supportingInfo: [
    {
      sequence: 1,
      category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claiminformationcategory', code: 'info' }] },
      valueReference: { reference: RECORD },
    },
  ],
  diagnosis: [{ sequence: 1, diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'E11.9' }] } }],
  item: [
    {
      sequence: 1,
      informationSequence: [1],
      diagnosisSequence: [1],
      productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99213' }] },
      servicedDate: '2026-03-01',
      quantity: { value: 1 },
      unitPrice: { value: 120, currency: 'EUR' },
      net: { value: 120, currency: 'EUR' },
    },
  ],
  total: { value: 120, currency: 'EUR' },
});

export const minimalClaimResponse = () => ({
  resourceType: 'ClaimResponse',
  ...header,
  created: '2026-03-02T10:00:01Z',
  insurer: { reference: 'Organization/payer-c' },
  outcome: 'complete',
});

const adjudication = [
  { category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'submitted' }] }, amount: { value: 120, currency: 'EUR' } },
  { category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'benefit' }] }, amount: { value: 90, currency: 'EUR' } },
  {
    category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'copay' }] },
    reason: { coding: [{ system: 'https://x12.org/codes/claim-adjustment-reason-codes', code: '3' }] },
    amount: { value: 10, currency: 'EUR' },
  },
];

export const fullClaimResponse = () => ({
  ...minimalClaimResponse(),
  request: { reference: 'Claim/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
  disposition: 'approved',
  item: [{ itemSequence: 1, adjudication }],
  total: [
    { category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'benefit' }] }, amount: { value: 90, currency: 'EUR' } },
  ],
  payment: { type: { text: 'complete' }, date: '2026-03-10', amount: { value: 90, currency: 'EUR' }, identifier: { value: 'REM-1' } },
  processNote: [{ number: 1, type: 'display', text: 'plan gold-2026 v3' }],
});

export const minimalExplanationOfBenefit = () => ({
  resourceType: 'ExplanationOfBenefit',
  ...header,
  created: '2026-03-02T10:00:01Z',
  insurer: { reference: 'Organization/payer-c' },
  provider: { reference: 'Organization/hospital-a' },
  outcome: 'complete',
  insurance: [{ focal: true, coverage: { reference: 'Coverage/7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b' } }],
});

export const fullExplanationOfBenefit = () => ({
  ...minimalExplanationOfBenefit(),
  claim: { reference: 'Claim/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
  item: [
    { sequence: 1, productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99213' }] }, servicedDate: '2026-03-01', adjudication },
  ],
  total: [{ category: { text: 'benefit' }, amount: { value: 90, currency: 'EUR' } }],
  payment: { type: { text: 'complete' }, amount: { value: 90, currency: 'EUR' } },
});
