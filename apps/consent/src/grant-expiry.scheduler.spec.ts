import type { ExpireDueGrantsUseCase } from '@carechain/consent-domain';
import { createLogger } from '@carechain/telemetry';
import { EXPIRY_INTERVAL_MS, GrantExpiryScheduler } from './grant-expiry.scheduler';

function setup(execute: () => Promise<number>) {
  const useCase = { execute: jest.fn(execute) };
  const logger = createLogger('test', 'silent');
  const warn = jest.spyOn(logger, 'warn');
  return { useCase, warn, scheduler: new GrantExpiryScheduler(useCase as unknown as ExpireDueGrantsUseCase, logger) };
}

describe('GrantExpiryScheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the expiry every interval once the application has bootstrapped, and stops on shutdown', async () => {
    const { useCase, scheduler } = setup(async () => 0);
    await jest.advanceTimersByTimeAsync(3 * EXPIRY_INTERVAL_MS);
    expect(useCase.execute).not.toHaveBeenCalled();
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3 * EXPIRY_INTERVAL_MS);
    expect(useCase.execute).toHaveBeenCalledTimes(3);
    await scheduler.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(3 * EXPIRY_INTERVAL_MS);
    expect(useCase.execute).toHaveBeenCalledTimes(3);
  });

  it('never overlaps runs, and shutdown waits for the one in progress', async () => {
    let finish!: (n: number) => void;
    const { useCase, scheduler } = setup(() => new Promise<number>((resolve) => (finish = resolve)));
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5 * EXPIRY_INTERVAL_MS);
    expect(useCase.execute).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = scheduler.beforeApplicationShutdown().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish(2);
    await stopping;
    expect(stopped).toBe(true);
  });

  it('logs a failed run and tries again on the next', async () => {
    let calls = 0;
    const { useCase, warn, scheduler } = setup(async () => {
      if (++calls === 1) throw new Error('broker down');
      return 1;
    });
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(2 * EXPIRY_INTERVAL_MS);
    expect(useCase.execute).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledWith({ err: 'broker down' }, expect.any(String));
    await scheduler.beforeApplicationShutdown();
  });
});
