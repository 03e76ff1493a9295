import { fullChargeItem, minimalChargeItem } from '../testing/administrative.examples';
import { omit, problemsOf } from '../testing/issues';

describe('ChargeItem', () => {
  it('accepts the full and the minimal example', () => {
    expect(problemsOf(fullChargeItem())).toEqual([]);
    expect(problemsOf(minimalChargeItem())).toEqual([]);
  });

  it('requires status, code and subject (1..1)', () => {
    expect(problemsOf({ resourceType: 'ChargeItem' })).toEqual([
      ['ChargeItem.status', 'required'],
      ['ChargeItem.code', 'required'],
      ['ChargeItem.subject', 'required'],
    ]);
  });

  it('checks the status against ChargeItemStatus', () => {
    expect(problemsOf({ ...minimalChargeItem(), status: 'paid' })).toEqual([['ChargeItem.status', 'code-invalid']]);
  });

  it('takes one product[x] and one occurrence[x] type only', () => {
    const item = {
      ...fullChargeItem(),
      productReference: { reference: 'Device/glucometer-1' },
      productCodeableConcept: { text: 'glucometer' },
      occurrenceDateTime: '2024-03-01',
    };
    expect(problemsOf(item)).toEqual([
      ['ChargeItem.occurrence[x]', 'structure'],
      ['ChargeItem.product[x]', 'structure'],
    ]);
  });

  it('checks the money: an ISO 4217 currency', () => {
    expect(problemsOf({ ...fullChargeItem(), priceOverride: { value: 85.5, currency: 'euro' } })).toEqual([['ChargeItem.priceOverride.currency', 'value']]);
  });

  it('requires the actor of each performer', () => {
    const performer = [{ function: { text: 'nurse' } }];
    expect(problemsOf({ ...minimalChargeItem(), performer })).toEqual([['ChargeItem.performer[0].actor', 'required']]);
  });

  it('accepts an occurrence Timing and checks it', () => {
    const occurrenceTiming = { repeat: { boundsPeriod: { start: '2024-03-01', end: '2024-03-31' }, frequency: 1, period: 1, periodUnit: 'wk' } };
    expect(problemsOf({ ...minimalChargeItem(), occurrenceTiming })).toEqual([]);
    const unbounded = { repeat: { countMax: 4, periodMax: 2 } };
    expect(problemsOf({ ...minimalChargeItem(), occurrenceTiming: unbounded })).toEqual([
      ['ChargeItem.occurrenceTiming.repeat', 'invariant'],
      ['ChargeItem.occurrenceTiming.repeat', 'invariant'],
    ]);
  });

  it('requires the subject even when the context is given', () => {
    expect(problemsOf(omit(fullChargeItem(), 'subject'))).toEqual([['ChargeItem.subject', 'required']]);
  });
});
