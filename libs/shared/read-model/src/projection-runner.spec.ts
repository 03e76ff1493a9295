import type { Redis } from 'ioredis';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { TransientError, type ConsumedRecord, type MessageConsumer } from '@carechain/messaging';
import type { AnyEvent } from '@carechain/contracts';
import { ProjectionRunner } from './projection-runner';
import type { Projection, ProjectionCommand } from './projection';

function fakeRedis(opts: { stored?: string; fail?: boolean } = {}) {
  const calls: string[][] = [];
  const redis = {
    defineCommand: jest.fn(),
    hget: jest.fn(async () => opts.stored ?? null),
    hmget: jest.fn(async (_key: string, ...fields: string[]) => fields.map(() => opts.stored ?? null)),
    carechainApplyBatch: jest.fn(async (...args: string[]) => {
      if (opts.fail) throw new Error('Connection is closed.');
      calls.push(args);
      return 1;
    }),
  };
  return { redis: redis as unknown as Redis, calls };
}

const consumer: MessageConsumer = { start: jest.fn(), stop: jest.fn(), state: () => ({ running: true }) };

function record(offset: string): ConsumedRecord {
  return { topic: 't', partition: 0, offset, key: 'k', value: Buffer.alloc(0), event: { id: `e${offset}` } as AnyEvent, traceContext: ROOT_CONTEXT };
}

function projection(commands: (r: ConsumedRecord) => ProjectionCommand[]): Projection {
  return { name: 'test.model', topics: ['t'], consumerGroup: 'g', apply: commands };
}

describe('ProjectionRunner', () => {
  it('sends every record with its commands and the batch offset in one atomic call', async () => {
    const { redis, calls } = fakeRedis();
    const runner = new ProjectionRunner(
      redis,
      projection((r) => [['SET', `rm:test.model:${r.event.id}`, 'x']]),
      consumer,
    );
    await runner.handle({ topic: 't', partition: 0, records: [record('4'), record('5')], lastOffset: '6' });
    expect(calls).toHaveLength(1);
    const [key, field, last, entries] = calls[0]!;
    expect([key, field, last]).toEqual(['rm:test.model:_offsets', 't:0', '6']);
    expect(JSON.parse(entries!)).toEqual([
      ['4', [['SET', 'rm:test.model:e4', 'x']]],
      ['5', [['SET', 'rm:test.model:e5', 'x']]],
    ]);
  });

  it('resumes after the stored offset, or from the beginning when none is stored', async () => {
    expect(
      await new ProjectionRunner(
        fakeRedis({ stored: '41' }).redis,
        projection(() => []),
        consumer,
      ).resumeOffset('t', 0),
    ).toBe('42');
    expect(
      await new ProjectionRunner(
        fakeRedis().redis,
        projection(() => []),
        consumer,
      ).resumeOffset('t', 0),
    ).toBeUndefined();
  });

  it('refuses commands outside the allow-list or the namespace', async () => {
    const { redis } = fakeRedis();
    const flush = new ProjectionRunner(
      redis,
      projection(() => [['FLUSHALL' as 'SET', 'rm:test.model:x']]),
      consumer,
    );
    await expect(flush.handle({ topic: 't', partition: 0, records: [record('1')], lastOffset: '1' })).rejects.toThrow(/not an allowed/);
    const outside = new ProjectionRunner(
      redis,
      projection(() => [['SET', 'rm:other:x', '1']]),
      consumer,
    );
    await expect(outside.handle({ topic: 't', partition: 0, records: [record('1')], lastOffset: '1' })).rejects.toThrow(/outside its namespace/);
  });

  it('reports a Redis failure as transient, so the consumer waits instead of dead-lettering', async () => {
    const runner = new ProjectionRunner(
      fakeRedis({ fail: true }).redis,
      projection(() => []),
      consumer,
    );
    await expect(runner.handle({ topic: 't', partition: 0, records: [], lastOffset: '1' })).rejects.toBeInstanceOf(TransientError);
  });

  it('coalesces concurrent rebuilds into one stop, drop and replay, and rebuilds again when asked later', async () => {
    const events: string[] = [];
    let releaseStart: () => void = () => undefined;
    const slow: MessageConsumer = {
      start: jest.fn(() => new Promise<void>((resolve) => ((releaseStart = resolve), events.push('start')))),
      stop: jest.fn(async () => void events.push('stop')),
      state: () => ({ running: true }),
    };
    const redis = {
      defineCommand: jest.fn(),
      scan: jest.fn(async () => (events.push('scan'), ['0', ['rm:test.model:a']])),
      unlink: jest.fn(async () => 1),
    } as unknown as Redis;
    const runner = new ProjectionRunner(
      redis,
      projection(() => []),
      slow,
    );
    const requests = Array.from({ length: 26 }, () => runner.rebuild());
    await new Promise((resolve) => setImmediate(resolve));
    releaseStart();
    await Promise.all(requests);
    expect(events).toEqual(['stop', 'scan', 'start']);
    const later = runner.rebuild();
    await new Promise((resolve) => setImmediate(resolve));
    releaseStart();
    await later;
    expect(events).toEqual(['stop', 'scan', 'start', 'stop', 'scan', 'start']);
  });

  it('lets the next request rebuild after a failed rebuild', async () => {
    const failing: MessageConsumer = {
      start: jest.fn(async () => undefined),
      stop: jest.fn().mockRejectedValueOnce(new Error('broker away')).mockResolvedValue(undefined),
      state: () => ({ running: false }),
    };
    const redis = { defineCommand: jest.fn(), scan: jest.fn(async () => ['0', []]), unlink: jest.fn() } as unknown as Redis;
    const runner = new ProjectionRunner(
      redis,
      projection(() => []),
      failing,
    );
    await expect(runner.rebuild()).rejects.toThrow('broker away');
    await expect(runner.rebuild()).resolves.toBeUndefined();
    expect(failing.start).toHaveBeenCalledTimes(1);
  });

  describe('caughtUpTo (a request waiting for its own write)', () => {
    const at = (offset: string) => ({ topic: 't', partition: 0, offset });
    const owning = (owns: boolean): MessageConsumer => ({ ...consumer, owns: () => owns });

    it('resolves when this instance applies the batch holding the position, not before', async () => {
      const runner = new ProjectionRunner(
        fakeRedis().redis,
        projection(() => []),
        owning(true),
      );
      let reached: boolean | undefined;
      const wait = runner.caughtUpTo([at('5')], 5_000).then((r) => (reached = r));
      await runner.handle({ topic: 't', partition: 0, records: [record('4')], lastOffset: '4' });
      await new Promise((r) => setImmediate(r));
      expect(reached).toBeUndefined();
      await runner.handle({ topic: 't', partition: 0, records: [record('5')], lastOffset: '5' });
      await expect(wait).resolves.toBe(true);
    });

    it('answers at once from the offsets stored beside the model', async () => {
      const runner = new ProjectionRunner(
        fakeRedis({ stored: '9' }).redis,
        projection(() => []),
        owning(true),
      );
      await expect(runner.caughtUpTo([at('9')], 0)).resolves.toBe(true);
    });

    it('answers false after the timeout when nothing applies it', async () => {
      const runner = new ProjectionRunner(
        fakeRedis({ stored: '3' }).redis,
        projection(() => []),
        owning(true),
      );
      await expect(runner.caughtUpTo([at('4')], 30)).resolves.toBe(false);
    });

    it('follows the stored offsets for a partition another instance applies', async () => {
      const opts: { stored?: string } = {};
      const { redis } = fakeRedis(opts);
      const runner = new ProjectionRunner(
        redis,
        projection(() => []),
        owning(false),
      );
      const wait = runner.caughtUpTo([at('7')], 5_000);
      setTimeout(() => (opts.stored = '7'), 20);
      await expect(wait).resolves.toBe(true);
    });

    it('does not count a failed write as applied', async () => {
      const runner = new ProjectionRunner(
        fakeRedis({ fail: true }).redis,
        projection(() => []),
        owning(true),
      );
      await expect(runner.handle({ topic: 't', partition: 0, records: [record('1')], lastOffset: '1' })).rejects.toBeInstanceOf(TransientError);
      await expect(runner.caughtUpTo([at('1')], 20)).resolves.toBe(false);
    });
  });
});
