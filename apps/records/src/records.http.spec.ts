import { ValidationProblem } from '@carechain/http';
import { breakGlassOf, ifMatchVersion, searchQuerySchema } from './records.http';

describe('records request parsing', () => {
  it("reads categories comma-separated or repeated, and defaults the paging (the purpose is left to the caller's role)", () => {
    expect(searchQuerySchema.parse({ category: 'conditions, allergies' })).toEqual({ category: ['conditions', 'allergies'], _count: 50, _offset: 0 });
    expect(searchQuerySchema.parse({ category: ['conditions', 'billing'], purpose: 'HPAYMT', _count: '5', _offset: '10' })).toEqual({
      category: ['conditions', 'billing'],
      purpose: 'HPAYMT',
      _count: 5,
      _offset: 10,
    });
    expect(searchQuerySchema.parse({}).category).toEqual([]);
    expect(searchQuerySchema.safeParse({ category: 'labs' }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ _count: '201' }).success).toBe(false);
  });

  it('takes the version of an If-Match in its weak, strong or bare form', () => {
    expect(['W/"3"', '"3"', '3', undefined, ''].map(ifMatchVersion)).toEqual([3, 3, 3, undefined, undefined]);
    expect(() => ifMatchVersion('*')).toThrow(ValidationProblem);
  });

  it('treats a blank break-glass header as none', () => {
    expect(breakGlassOf('  ')).toEqual({});
    expect(breakGlassOf(undefined)).toEqual({});
    expect(breakGlassOf('Unconscious on arrival')).toEqual({ breakGlassReason: 'Unconscious on arrival' });
  });
});
