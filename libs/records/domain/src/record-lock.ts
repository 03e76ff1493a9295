// Serialises amendments of one record within this instance, so two concurrent
// amendments cannot both become version n+1. (Across instances nothing does: the
// read model then keeps the later of two equal versions.)
export class RecordLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(recordId: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(recordId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(recordId, mine);
    try {
      await before;
      return await work();
    } finally {
      release();
      if (this.tails.get(recordId) === mine) this.tails.delete(recordId);
    }
  }
}
