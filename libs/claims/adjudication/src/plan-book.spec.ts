import { AdjudicationError, AdjudicationErrorCode } from './adjudication.error';
import { parseBenefitPlan } from './benefit-plan';
import { PlanBook } from './plan-book';

const plan = (version: number, payer = 'payer-c') =>
  parseBenefitPlan({
    planId: 'gold-2026',
    version,
    payer,
    currency: 'EUR',
    codeSystem: 'http://www.ama-assn.org/go/cpt',
    deductible: 0,
    timelyFilingDays: 90,
    services: { '99213': { allowed: 100 } },
  });

describe('PlanBook', () => {
  it('serves the newest version and keeps the older ones', () => {
    const book = new PlanBook();
    book.add(plan(1));
    book.add(plan(2));
    expect(book.current('payer-c', 'gold-2026')?.version).toBe(2);
    expect(book.version('payer-c', 'gold-2026', 1)?.version).toBe(1);
    expect(book.current('payer-d', 'gold-2026')).toBeUndefined();
    expect(book.list('payer-c').map((p) => p.version)).toEqual([2]);
  });

  it('refuses a version that is not newer', () => {
    const book = new PlanBook();
    book.add(plan(2));
    expect(() => book.add(plan(2))).toThrow(expect.objectContaining({ code: AdjudicationErrorCode.StalePlanVersion }));
  });

  it('refuses an invalid plan, naming the field', () => {
    try {
      parseBenefitPlan({ ...plan(1), coinsurance: 2 });
      throw new Error('expected an AdjudicationError');
    } catch (err) {
      expect(err).toBeInstanceOf(AdjudicationError);
      expect((err as AdjudicationError).message).toContain('coinsurance');
    }
  });
});
