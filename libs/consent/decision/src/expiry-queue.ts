// A binary min-heap of (due instant, grantId), so that finding the grants due for
// expiry costs O(k) for k due entries instead of a scan of every grant. Entries are
// never updated in place: the owner pushes a new one and treats old ones as stale
// (lazy deletion), pruning them from the top and rebuilding when they pile up.

export interface ExpiryEntry {
  readonly dueMs: number;
  readonly grantId: string;
}

export class ExpiryQueue {
  private heap: ExpiryEntry[] = [];

  get length(): number {
    return this.heap.length;
  }

  push(entry: ExpiryEntry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  /** The earliest entry, or undefined when empty. */
  peek(): ExpiryEntry | undefined {
    return this.heap[0];
  }

  /** Removes and returns the earliest entry. */
  pop(): ExpiryEntry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /**
   * Every entry due at `nowMs` (dueMs ≤ nowMs), sorted by dueMs then grantId, left in
   * the queue. Only due nodes and their children are visited: a node not due has no
   * due descendant.
   */
  due(nowMs: number): ExpiryEntry[] {
    const heap = this.heap;
    const out: ExpiryEntry[] = [];
    const stack: number[] = heap.length > 0 ? [0] : [];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (heap[i].dueMs > nowMs) continue;
      out.push(heap[i]);
      if (2 * i + 1 < heap.length) stack.push(2 * i + 1);
      if (2 * i + 2 < heap.length) stack.push(2 * i + 2);
    }
    return out.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  /** Replaces the contents with `entries` (heapified in O(n)). */
  rebuild(entries: readonly ExpiryEntry[]): void {
    this.heap = entries.slice();
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && before(heap[right], heap[smallest])) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
      i = smallest;
    }
  }
}

// Ties broken by grantId so that the order of due grants is deterministic.
function before(a: ExpiryEntry, b: ExpiryEntry): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.grantId < b.grantId);
}
