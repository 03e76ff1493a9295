import {
  fullClaim,
  fullClaimResponse,
  fullCoverage,
  fullExplanationOfBenefit,
  minimalClaim,
  minimalClaimResponse,
  minimalCoverage,
  minimalExplanationOfBenefit,
} from '../testing/financial.examples';
import { omit } from '../testing/issues';
import { validateFinancialResource, type FinancialResourceType } from './validate-financial-resource';

function problemsOf(json: unknown, type: FinancialResourceType): [string, string][] {
  const result = validateFinancialResource(json, type);
  return result.ok ? [] : result.issues.map(({ path, code }) => [path, code]);
}

const EXAMPLES: [FinancialResourceType, () => Record<string, unknown>, () => Record<string, unknown>][] = [
  ['Coverage', minimalCoverage, fullCoverage],
  ['Claim', minimalClaim, fullClaim],
  ['ClaimResponse', minimalClaimResponse, fullClaimResponse],
  ['ExplanationOfBenefit', minimalExplanationOfBenefit, fullExplanationOfBenefit],
];

describe.each(EXAMPLES)('%s', (type, minimal, full) => {
  it('accepts the minimal and the full example', () => {
    expect(problemsOf(minimal(), type)).toEqual([]);
    expect(problemsOf(full(), type)).toEqual([]);
  });

  it('refuses a status outside FinancialResourceStatusCodes (a required binding)', () => {
    expect(problemsOf({ ...minimal(), status: 'approved' }, type)).toEqual([[`${type}.status`, 'code-invalid']]);
  });

  it('refuses unknown elements and another resource type', () => {
    expect(problemsOf({ ...minimal(), priceTag: 3 }, type)).toEqual([[`${type}.priceTag`, 'structure']]);
    expect(problemsOf({ ...minimal(), resourceType: 'Condition' }, type)).toEqual([['resourceType', 'not-supported']]);
  });

  it('requires status (1..1)', () => {
    expect(problemsOf(omit(minimal(), 'status'), type)).toEqual([[`${type}.status`, 'required']]);
  });
});

describe('Coverage', () => {
  it('requires a beneficiary that is a Patient and at least one payor', () => {
    expect(problemsOf({ ...minimalCoverage(), beneficiary: { reference: 'Organization/x' } }, 'Coverage')).toEqual([
      ['Coverage.beneficiary.reference', 'value'],
    ]);
    expect(problemsOf(omit(minimalCoverage(), 'payor'), 'Coverage')).toEqual([['Coverage.payor', 'required']]);
  });
});

describe('Claim', () => {
  it('checks use against the required claim-use binding', () => {
    expect(problemsOf({ ...minimalClaim(), use: 'bill' }, 'Claim')).toEqual([['Claim.use', 'code-invalid']]);
  });

  it('requires productOrService on every item and one serviced[x] at most', () => {
    const [item] = fullClaim().item;
    expect(problemsOf({ ...fullClaim(), item: [omit(item, 'productOrService')] }, 'Claim')).toEqual([['Claim.item[0].productOrService', 'required']]);
    expect(problemsOf({ ...fullClaim(), item: [{ ...item, servicedPeriod: { start: '2026-03-01' } }] }, 'Claim')).toEqual([
      ['Claim.item[0].serviced[x]', 'structure'],
    ]);
  });

  it('requires an insurance (1..*) referring to a Coverage', () => {
    expect(problemsOf(omit(minimalClaim(), 'insurance'), 'Claim')).toEqual([['Claim.insurance', 'required']]);
    expect(problemsOf({ ...minimalClaim(), insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Patient/x' } }] }, 'Claim')).toEqual([
      ['Claim.insurance[0].coverage.reference', 'value'],
    ]);
  });

  it('refuses item details as not supported', () => {
    const [item] = fullClaim().item;
    expect(problemsOf({ ...fullClaim(), item: [{ ...item, detail: [{}] }] }, 'Claim')).toEqual([['Claim.item[0].detail', 'not-supported']]);
  });
});

describe('ClaimResponse', () => {
  it('checks outcome against RemittanceOutcome and requires adjudication per item', () => {
    expect(problemsOf({ ...minimalClaimResponse(), outcome: 'approved' }, 'ClaimResponse')).toEqual([['ClaimResponse.outcome', 'code-invalid']]);
    expect(problemsOf({ ...minimalClaimResponse(), item: [{ itemSequence: 1 }] }, 'ClaimResponse')).toEqual([
      ['ClaimResponse.item[0].adjudication', 'required'],
    ]);
  });

  it('checks processNote.type against NoteType', () => {
    expect(problemsOf({ ...minimalClaimResponse(), processNote: [{ type: 'email', text: 'x' }] }, 'ClaimResponse')).toEqual([
      ['ClaimResponse.processNote[0].type', 'code-invalid'],
    ]);
  });
});

describe('ExplanationOfBenefit', () => {
  it('requires the insurer, the provider and a focal insurance', () => {
    expect(problemsOf(omit(minimalExplanationOfBenefit(), 'insurer', 'provider'), 'ExplanationOfBenefit')).toEqual([
      ['ExplanationOfBenefit.insurer', 'required'],
      ['ExplanationOfBenefit.provider', 'required'],
    ]);
    expect(problemsOf({ ...minimalExplanationOfBenefit(), insurance: [{ coverage: { reference: 'Coverage/x' } }] }, 'ExplanationOfBenefit')).toEqual([
      ['ExplanationOfBenefit.insurance[0].focal', 'required'],
    ]);
  });
});

describe('validateFinancialResource', () => {
  it('refuses what is not a JSON object, or nests too deep', () => {
    expect(problemsOf([], 'Claim')).toEqual([['', 'structure']]);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 80; i += 1) deep = { extension: [deep] };
    expect(problemsOf({ ...minimalClaim(), text: deep }, 'Claim')).toEqual([['Claim', 'structure']]);
  });
});
