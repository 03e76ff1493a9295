// mulberry32 (Tommy Ettinger's 32-bit mixer, period 2^32): a small seeded generator,
// identical on every platform, so that a seed names one sequence for good. For
// reproducible samples, test data and benches; never for secrets (use node:crypto).
// No import: tools load this file as it is.

/** A generator of numbers uniform in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
