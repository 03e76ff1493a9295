// A client sends the same token with every request, and the signature check
// dominates verification (~100+ µs of CPU for ECDSA, run on libuv's thread pool).
// Remembering recent verdicts for a short while turns that into a Map lookup.
// Keyed by the whole compact token, so a single changed byte misses the cache.
import type { Principal } from './principal';

interface Entry {
  readonly principal: Principal;
  readonly validUntilMs: number;
}

export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.validUntilMs <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  /** Kept until the token's own exp or ttlMs from now, whichever comes first. */
  set(token: string, principal: Principal, expSec: number): void {
    const now = this.now();
    const validUntilMs = Math.min(expSec * 1000, now + this.ttlMs);
    if (validUntilMs <= now || this.maxEntries <= 0) return;
    if (!this.entries.has(token) && this.entries.size >= this.maxEntries) {
      // Oldest insertion first: cheap, and a busy client's token comes straight back.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { principal, validUntilMs });
  }

  get size(): number {
    return this.entries.size;
  }
}
