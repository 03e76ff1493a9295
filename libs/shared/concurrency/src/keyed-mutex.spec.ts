import { KeyedMutex } from './keyed-mutex';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedMutex', () => {
  it('runs work on one key one at a time, in arrival order', async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    const slow = async (name: string) => {
      order.push(`${name} starts`);
      await tick();
      order.push(`${name} ends`);
    };
    await Promise.all([mutex.run('r-1', () => slow('a')), mutex.run('r-1', () => slow('b'))]);
    expect(order).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
    expect(mutex.heldKeys).toBe(0);
  });

  it('runs work on different keys at once, and waits for every key a holder shares', async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    let releaseA!: () => void;
    const a = mutex.run(['k1'], () => new Promise<void>((resolve) => (releaseA = resolve)).then(() => void order.push('a')));
    const b = mutex.run(['k2'], async () => void order.push('b'));
    const c = mutex.run(['k2', 'k1'], async () => void order.push('c'));
    await b;
    expect(order).toEqual(['b']);
    releaseA();
    await Promise.all([a, c]);
    expect(order).toEqual(['b', 'a', 'c']);
    expect(mutex.heldKeys).toBe(0);
  });

  it('releases the key when the work fails', async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.run('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.run('x', async () => 'next')).resolves.toBe('next');
    expect(mutex.heldKeys).toBe(0);
  });
});
