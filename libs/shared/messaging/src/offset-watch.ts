// The highest offset a reader has applied per topic-partition, and the requests
// waiting for one: each wait is settled by the apply that reaches it (or by its
// timer), so a request that must see its own write waits exactly as long as the
// reader takes, with nothing polling.
import type { AppliedOffsets, Position } from './ports';

interface Waiter {
  /** `topic:partition` → the offset still to reach there. */
  readonly missing: Map<string, bigint>;
  readonly done: (reached: boolean) => void;
}

const keyOf = (topic: string, partition: number): string => `${topic}:${partition}`;

export class OffsetWatch implements AppliedOffsets {
  private readonly applied = new Map<string, bigint>();
  /** Waiters by the partitions they still miss. */
  private readonly waiting = new Map<string, Set<Waiter>>();

  /** Records that everything up to `offset` of the partition is applied. */
  advance(topic: string, partition: number, offset: string): void {
    const key = keyOf(topic, partition);
    const reached = BigInt(offset);
    if (reached <= (this.applied.get(key) ?? -1n)) return;
    this.applied.set(key, reached);
    const waiters = this.waiting.get(key);
    if (!waiters) return;
    for (const w of waiters) {
      if (w.missing.get(key)! > reached) continue;
      w.missing.delete(key);
      waiters.delete(w);
      if (w.missing.size === 0) w.done(true);
    }
    if (waiters.size === 0) this.waiting.delete(key);
  }

  /** The highest offset applied on the partition, if any. */
  appliedOffset(topic: string, partition: number): string | undefined {
    return this.applied.get(keyOf(topic, partition))?.toString();
  }

  /** Positions among `positions` not applied yet. */
  pending(positions: readonly Position[]): Position[] {
    return positions.filter((p) => BigInt(p.offset) > (this.applied.get(keyOf(p.topic, p.partition)) ?? -1n));
  }

  caughtUpTo(positions: readonly Position[], timeoutMs: number): Promise<boolean> {
    const missing = new Map<string, bigint>();
    for (const p of this.pending(positions)) {
      const key = keyOf(p.topic, p.partition);
      const offset = BigInt(p.offset);
      if (offset > (missing.get(key) ?? -1n)) missing.set(key, offset);
    }
    if (missing.size === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        for (const key of waiter.missing.keys()) this.forget(key, waiter);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      const waiter: Waiter = {
        missing,
        done: (reached) => {
          clearTimeout(timer);
          resolve(reached);
        },
      };
      for (const key of missing.keys()) {
        const set = this.waiting.get(key) ?? new Set<Waiter>();
        set.add(waiter);
        this.waiting.set(key, set);
      }
    });
  }

  private forget(key: string, waiter: Waiter): void {
    const set = this.waiting.get(key);
    set?.delete(waiter);
    if (set?.size === 0) this.waiting.delete(key);
  }
}
