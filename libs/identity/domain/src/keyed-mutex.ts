// Serialises work that touches the same keys (here: MPI blocking keys), so two
// registrations of one person cannot both miss each other, while registrations of
// different people run concurrently. Keys are taken in sorted order: no deadlock.
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)].sort();
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
}
