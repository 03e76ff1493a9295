import { pollUntil } from './poll-until';

describe('pollUntil', () => {
  it('returns the first defined value, probing again until it comes', async () => {
    let calls = 0;
    await expect(pollUntil(() => (++calls >= 3 ? 'here' : undefined), 1_000)).resolves.toBe('here');
    expect(calls).toBe(3);
  });

  it('gives up with undefined once the time is up, having probed at least once', async () => {
    let calls = 0;
    const started = Date.now();
    await expect(pollUntil(() => void calls++, 60)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(calls).toBeGreaterThan(1);
    calls = 0;
    await expect(pollUntil(async () => void calls++, 0)).resolves.toBeUndefined();
    expect(calls).toBe(1);
  });
});
