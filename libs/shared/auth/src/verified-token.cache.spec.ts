import type { Principal } from './principal';
import { VerifiedTokenCache } from './verified-token.cache';

const principal = (subject: string): Principal => ({ subject, roles: ['clinician'], organisation: 'org' });

describe('VerifiedTokenCache', () => {
  let nowMs = 1_000_000_000_000;
  const now = () => nowMs;
  const inSec = (s: number) => Math.floor(nowMs / 1000) + s;

  it('keeps a verdict until the ttl when the token lives longer', () => {
    const cache = new VerifiedTokenCache(10, 60_000, now);
    cache.set('t', principal('a'), inSec(3600));
    nowMs += 59_999;
    expect(cache.get('t')?.subject).toBe('a');
    nowMs += 1;
    expect(cache.get('t')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never outlives the token exp', () => {
    const cache = new VerifiedTokenCache(10, 60_000, now);
    const exp = inSec(5);
    cache.set('t', principal('a'), exp);
    nowMs = exp * 1000 - 1;
    expect(cache.get('t')).toBeDefined();
    nowMs = exp * 1000;
    expect(cache.get('t')).toBeUndefined();
  });

  it('does not store tokens that are already past exp (accepted within clock tolerance)', () => {
    const cache = new VerifiedTokenCache(10, 60_000, now);
    cache.set('t', principal('a'), inSec(-2));
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entry when full', () => {
    const cache = new VerifiedTokenCache(2, 60_000, now);
    cache.set('a', principal('a'), inSec(600));
    cache.set('b', principal('b'), inSec(600));
    cache.set('a', principal('a2'), inSec(600));
    cache.set('c', principal('c'), inSec(600));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.subject).toBe('b');
    expect(cache.get('c')?.subject).toBe('c');
  });
});
