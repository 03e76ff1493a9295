import { OffsetWatch } from './offset-watch';

const at = (partition: number, offset: string) => ({ topic: 'records.record.v1', partition, offset });

describe('OffsetWatch', () => {
  it('answers at once for positions already applied', async () => {
    const watch = new OffsetWatch();
    watch.advance('records.record.v1', 0, '7');
    await expect(watch.caughtUpTo([at(0, '5'), at(0, '7')], 10)).resolves.toBe(true);
  });

  it('resolves when the last missing partition is applied, not before', async () => {
    const watch = new OffsetWatch();
    let settled: boolean | undefined;
    const wait = watch.caughtUpTo([at(0, '3'), at(1, '9')], 5_000).then((r) => (settled = r));
    watch.advance('records.record.v1', 0, '3');
    watch.advance('records.record.v1', 1, '8');
    await Promise.resolve();
    expect(settled).toBeUndefined();
    watch.advance('records.record.v1', 1, '10');
    await expect(wait).resolves.toBe(true);
  });

  it('gives up with false after the timeout and forgets the waiter', async () => {
    const watch = new OffsetWatch();
    await expect(watch.caughtUpTo([at(2, '1')], 20)).resolves.toBe(false);
    expect(watch.pending([at(2, '1')])).toHaveLength(1);
    watch.advance('records.record.v1', 2, '1');
    expect(watch.pending([at(2, '1')])).toHaveLength(0);
  });

  it('never moves backwards (a redelivered batch)', () => {
    const watch = new OffsetWatch();
    watch.advance('records.record.v1', 0, '12');
    watch.advance('records.record.v1', 0, '4');
    expect(watch.appliedOffset('records.record.v1', 0)).toBe('12');
  });

  it('compares offsets as integers, not strings', async () => {
    const watch = new OffsetWatch();
    watch.advance('records.record.v1', 0, '10');
    await expect(watch.caughtUpTo([at(0, '9')], 10)).resolves.toBe(true);
    await expect(watch.caughtUpTo([at(0, '11')], 10)).resolves.toBe(false);
  });
});
