import { PrincipalRateLimiter } from './principal-rate-limiter';

describe('PrincipalRateLimiter', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 1_000_000));

  it('lets a burst through, then refuses with the seconds until the next token', () => {
    const limiter = new PrincipalRateLimiter({ perSecond: 2, burst: 3 }, now);
    expect([1, 2, 3, 4].map(() => limiter.take('org/alice'))).toEqual([0, 0, 0, 1]);
    clock += 500; // one token back at 2 per second
    expect(limiter.take('org/alice')).toBe(0);
    expect(limiter.take('org/alice')).toBe(1);
  });

  it('counts each principal on its own', () => {
    const limiter = new PrincipalRateLimiter({ perSecond: 1, burst: 1 }, now);
    expect(limiter.take('org/alice')).toBe(0);
    expect(limiter.take('org/alice')).toBe(1);
    expect(limiter.take('org/bob')).toBe(0);
  });

  it('says how long to wait at a slow rate, and never refills past the burst', () => {
    const limiter = new PrincipalRateLimiter({ perSecond: 0.1, burst: 1 }, now);
    expect(limiter.take('p')).toBe(0);
    expect(limiter.take('p')).toBe(10);
    clock += 3_600_000;
    expect(limiter.take('p')).toBe(0);
    expect(limiter.take('p')).toBe(10);
  });

  it('defaults the burst to twice the rate', () => {
    const limiter = new PrincipalRateLimiter({ perSecond: 5 }, now);
    expect(Array.from({ length: 11 }, () => limiter.take('p')).filter((wait) => wait === 0)).toHaveLength(10);
  });

  it('forgets the least recently seen principal beyond its bound', () => {
    const limiter = new PrincipalRateLimiter({ perSecond: 1, burst: 1 }, now, 2);
    limiter.take('a');
    limiter.take('b');
    limiter.take('a');
    limiter.take('c'); // b is forgotten, a is kept
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new PrincipalRateLimiter({ perSecond: 0 })).toThrow(/positive/);
  });
});
