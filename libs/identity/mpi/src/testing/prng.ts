import { mulberry32 } from '@carechain/random';

// A seeded PRNG for the synthetic population: mulberry32 (Tommy Ettinger's 32-bit
// mixer, period 2^32), plenty for test data and identical on every platform, so a
// seed names one population for good.

export class Prng {
  /** Uniform in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(this.int(10));
    return out;
  }
}

/**
 * Picks from a list with a long-tailed (Zipf-like) popularity, weight 1/(rank + 10):
 * the first name is about 5 times as common as the 40th, as in real name registers.
 */
export class SkewedPicker<T> {
  private readonly cumulative: Float64Array;

  constructor(private readonly items: readonly T[]) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((_, rank) => {
      sum += 1 / (rank + 10);
      this.cumulative[rank] = sum;
    });
  }

  pick(rng: Prng): T {
    const target = rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
