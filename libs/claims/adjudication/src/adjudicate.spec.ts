import { adjudicate } from './adjudicate';
import type { ClaimFacts, ClaimItemFacts } from './adjudication.types';
import { parseBenefitPlan } from './benefit-plan';

const plan = parseBenefitPlan({
  planId: 'gold-2026',
  version: 3,
  payer: 'payer-c',
  currency: 'EUR',
  codeSystem: 'http://www.ama-assn.org/go/cpt',
  deductible: 50,
  copay: 10,
  coinsurance: 0.2,
  timelyFilingDays: 90,
  services: {
    '99213': { allowed: 100 },
    '97110': { allowed: 40, unitsPerDay: 2 },
    '70551': { allowed: 400, priorAuthorisation: true },
  },
});

const noCostSharing = parseBenefitPlan({ ...plan, version: 4, deductible: 0, copay: 0, coinsurance: 0 });

const item = (overrides: Partial<ClaimItemFacts> = {}): ClaimItemFacts => ({
  sequence: 1,
  code: { system: 'http://www.ama-assn.org/go/cpt', code: '99213' },
  serviceDate: '2026-03-01',
  quantity: 1,
  unitPrice: 8000,
  documentation: 'documented',
  ...overrides,
});

const claim = (overrides: Partial<ClaimFacts> = {}): ClaimFacts => ({
  provider: 'hospital-a',
  insurer: 'payer-c',
  submittedOn: '2026-03-02',
  coverage: { payer: 'payer-c', planId: 'gold-2026', status: 'active', start: '2026-01-01', end: '2026-12-31' },
  items: [item()],
  priorItems: [],
  authorisedCodes: new Set(),
  deductibleMet: 0,
  ...overrides,
});

const codes = (decision: ReturnType<typeof adjudicate>) => decision.items.map((i) => i.reasons.map((r) => `${r.system}:${r.code}`));

describe('adjudicate', () => {
  it('approves a clean claim in one pass and names the plan version', () => {
    const decision = adjudicate(noCostSharing, claim());
    expect(decision.outcome).toBe('approved');
    expect(decision.plan).toEqual({ planId: 'gold-2026', version: 4 });
    expect(decision.items[0]).toMatchObject({ status: 'payable', submitted: 8000, eligible: 8000, benefit: 8000 });
    expect(codes(decision)).toEqual([[]]);
  });

  it('applies the deductible (CARC 1), then the copay (CARC 3), then coinsurance (CARC 2)', () => {
    const decision = adjudicate(plan, claim({ deductibleMet: 2000 }));
    // eligible 80.00; deductible left 30.00; copay 10.00; 20 % of 40.00 = 8.00; benefit 32.00
    expect(decision.items[0]).toMatchObject({ eligible: 8000, deductible: 3000, copay: 1000, coinsurance: 800, benefit: 3200 });
    expect(codes(decision)).toEqual([['carc:1', 'carc:3', 'carc:2']]);
    expect(decision.totals).toEqual({ submitted: 8000, eligible: 8000, benefit: 3200, patientPays: 4800 });
  });

  it('pays the lesser of billed and allowed (CARC 45)', () => {
    const decision = adjudicate(noCostSharing, claim({ items: [item({ unitPrice: 15000 })] }));
    expect(decision.items[0]).toMatchObject({ submitted: 15000, eligible: 10000, benefit: 10000 });
    expect(codes(decision)).toEqual([['carc:45']]);
    expect(decision.outcome).toBe('approved');
  });

  it('denies a service on a day outside the coverage (CARC 26 before, 27 after)', () => {
    const early = adjudicate(plan, claim({ items: [item({ serviceDate: '2025-12-31' })], submittedOn: '2026-01-02' }));
    expect(codes(early)).toEqual([['carc:26']]);
    expect(early.outcome).toBe('denied');
    expect(codes(adjudicate(plan, claim({ coverage: { ...claim().coverage, end: '2026-02-28' } })))).toEqual([['carc:27']]);
  });

  it('denies a claim sent to another payer than the coverage, or under a coverage not active (CARC 109)', () => {
    expect(codes(adjudicate(plan, claim({ insurer: 'payer-d' })))).toEqual([['carc:109']]);
    expect(codes(adjudicate(plan, claim({ coverage: { ...claim().coverage, status: 'cancelled' } })))).toEqual([['carc:109']]);
  });

  it('denies a service the plan does not cover, or a code from another system (CARC 204)', () => {
    expect(codes(adjudicate(plan, claim({ items: [item({ code: { code: '99999' } })] })))).toEqual([['carc:204']]);
    expect(codes(adjudicate(plan, claim({ items: [item({ code: { system: 'http://snomed.info/sct', code: '99213' } })] })))).toEqual([['carc:204']]);
  });

  it('pends a service that needs prior authorisation without one (CARC 197), pays it with one', () => {
    const needs = claim({ items: [item({ code: { code: '70551' }, unitPrice: 40000 })] });
    const pended = adjudicate(noCostSharing, needs);
    expect(pended.outcome).toBe('pended');
    expect(codes(pended)).toEqual([['carc:197']]);
    const authorised = adjudicate(noCostSharing, { ...needs, authorisedCodes: new Set(['70551']) });
    expect(authorised.outcome).toBe('approved');
    expect(authorised.items[0].benefit).toBe(40000);
  });

  it('caps units per day, counting earlier claims (CARC 151), and denies when none are left', () => {
    const three = claim({ items: [item({ code: { code: '97110' }, quantity: 3, unitPrice: 4000 })] });
    const capped = adjudicate(noCostSharing, three);
    expect(capped.items[0]).toMatchObject({ eligibleUnits: 2, eligible: 8000 });
    expect(codes(capped)).toEqual([['carc:151']]);
    expect(capped.outcome).toBe('partially-approved');
    const usedUp = adjudicate(noCostSharing, {
      ...three,
      provider: 'clinic-b',
      priorItems: [{ provider: 'hospital-a', code: '97110', serviceDate: '2026-03-01', quantity: 2 }],
    });
    expect(usedUp.outcome).toBe('denied');
    expect(codes(usedUp)).toEqual([['carc:151']]);
  });

  it('denies a claim filed after the timely filing limit (CARC 29)', () => {
    expect(codes(adjudicate(plan, claim({ submittedOn: '2026-06-01' })))).toEqual([['carc:29']]);
    expect(codes(adjudicate(noCostSharing, claim({ submittedOn: '2026-05-30' })))).toEqual([[]]);
  });

  it('denies an item billed before by the same provider for the same code and date (CARC 18), also within one claim', () => {
    const prior = [{ provider: 'hospital-a', code: '99213', serviceDate: '2026-03-01', quantity: 1 }];
    expect(codes(adjudicate(noCostSharing, claim({ priorItems: prior })))).toEqual([['carc:18']]);
    const twice = adjudicate(noCostSharing, claim({ items: [item(), item({ sequence: 2 })] }));
    expect(codes(twice)).toEqual([[], ['carc:18']]);
    expect(twice.outcome).toBe('partially-approved');
    expect(codes(adjudicate(noCostSharing, claim({ priorItems: [{ ...prior[0], serviceDate: '2026-03-02' }] })))).toEqual([[]]);
  });

  it('denies an undocumented item (CARC 16 + RARC M127) and one whose record does not match (CARC 16 + RARC N706)', () => {
    expect(codes(adjudicate(plan, claim({ items: [item({ documentation: 'missing' })] })))).toEqual([['carc:16', 'rarc:M127']]);
    for (const documentation of ['other-patient', 'other-author', 'code-mismatch', 'date-mismatch'] as const) {
      expect(codes(adjudicate(plan, claim({ items: [item({ documentation })] })))).toEqual([['carc:16', 'rarc:N706']]);
    }
  });

  it('decides each item on its own: one denied, one paid is partially approved; one pended pends the claim', () => {
    const mixed = adjudicate(noCostSharing, claim({ items: [item(), item({ sequence: 2, code: { code: '99999' } })] }));
    expect(mixed.outcome).toBe('partially-approved');
    expect(mixed.totals.benefit).toBe(8000);
    const pends = adjudicate(noCostSharing, claim({ items: [item(), item({ sequence: 2, code: { code: '70551' } })] }));
    expect(pends.outcome).toBe('pended');
  });
});
