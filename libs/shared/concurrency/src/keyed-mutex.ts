// Serialises work per key, in process: work on the same key runs one at a time, in
// arrival order, while work on different keys runs concurrently. A piece of work may
// hold several keys (identity holds a registration's MPI blocking keys, so two
// registrations of one person cannot both miss each other; records holds one
// record id, so two amendments cannot both become version n+1). Keys are taken in
// sorted order, so two holders of overlapping keys cannot deadlock.
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` once every earlier holder of any of `keys` is done; one key or several. */
  async run<T>(keys: string | readonly string[], work: () => Promise<T>): Promise<T> {
    const unique = typeof keys === 'string' ? [keys] : [...new Set(keys)].sort();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const waits = unique.map((k) => this.tails.get(k) ?? Promise.resolve());
    for (const k of unique) this.tails.set(k, mine);
    try {
      await Promise.all(waits);
      return await work();
    } finally {
      release();
      for (const k of unique) if (this.tails.get(k) === mine) this.tails.delete(k);
    }
  }

  /** Keys some work holds or waits for: 0 once everything is done (nothing leaks). */
  get heldKeys(): number {
    return this.tails.size;
  }
}
