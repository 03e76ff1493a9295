// Per-principal rate limiting: a token bucket per (organisation, subject), so one
// client (a runaway integration, a leaked token) cannot take a service's capacity
// from everyone else. In memory, per instance: a deployment of n replicas lets a
// principal through up to n times the rate, which is the point of adding replicas.

/** Requests per second a principal may sustain, and how many it may send at once. */
export interface RateLimit {
  readonly perSecond: number;
  /** The bucket's size; default twice the rate (at least 1). */
  readonly burst?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

// Far above the principals one instance serves in a window; beyond it the least
// recently seen are forgotten, which only ever gives them a full bucket back.
const MAX_PRINCIPALS = 10_000;

export class PrincipalRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly burst: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
    private readonly maxPrincipals = MAX_PRINCIPALS,
  ) {
    if (!(limit.perSecond > 0)) throw new Error('rate limit: perSecond must be positive');
    this.burst = Math.max(1, limit.burst ?? Math.ceil(limit.perSecond * 2));
  }

  /** Takes one request from the principal's bucket: 0 when it may go, else the whole seconds until it may (Retry-After). */
  take(principal: string): number {
    const now = this.now();
    const bucket = this.buckets.get(principal) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = now;
    // Re-inserted on every request, so the map's first key is the least recently seen.
    this.buckets.delete(principal);
    this.buckets.set(principal, bucket);
    if (this.buckets.size > this.maxPrincipals) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond));
  }
}
