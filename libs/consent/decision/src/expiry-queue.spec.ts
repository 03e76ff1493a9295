import { mulberry32 } from '@carechain/random';
import { type ExpiryEntry, ExpiryQueue } from './expiry-queue';

const order = (a: ExpiryEntry, b: ExpiryEntry) => a.dueMs - b.dueMs || (a.grantId < b.grantId ? -1 : a.grantId > b.grantId ? 1 : 0);

describe('ExpiryQueue', () => {
  it('pops in (dueMs, grantId) order', () => {
    const next = mulberry32(7);
    const queue = new ExpiryQueue();
    const entries = Array.from({ length: 500 }, (_, i) => ({ dueMs: Math.floor(next() * 50), grantId: `g${i}` }));
    entries.forEach((e) => queue.push(e));
    const popped: ExpiryEntry[] = [];
    for (let e = queue.pop(); e !== undefined; e = queue.pop()) popped.push(e);
    expect(popped).toEqual([...entries].sort(order));
    expect(queue.length).toBe(0);
    expect(queue.peek()).toBeUndefined();
  });

  it('lists exactly the due entries, sorted, without removing them', () => {
    const next = mulberry32(11);
    const queue = new ExpiryQueue();
    const entries = Array.from({ length: 1000 }, (_, i) => ({ dueMs: Math.floor(next() * 1000), grantId: `g${i}` }));
    entries.forEach((e) => queue.push(e));
    for (const now of [-1, 0, 137, 500, 999, 1000]) {
      expect(queue.due(now)).toEqual(entries.filter((e) => e.dueMs <= now).sort(order));
    }
    expect(queue.length).toBe(1000);
  });

  it('rebuilds into a valid heap', () => {
    const next = mulberry32(3);
    const entries = Array.from({ length: 300 }, (_, i) => ({ dueMs: Math.floor(next() * 100), grantId: `g${i}` }));
    const queue = new ExpiryQueue();
    queue.push({ dueMs: -5, grantId: 'dropped' });
    queue.rebuild(entries);
    const popped: ExpiryEntry[] = [];
    for (let e = queue.pop(); e !== undefined; e = queue.pop()) popped.push(e);
    expect(popped).toEqual([...entries].sort(order));
  });
});
