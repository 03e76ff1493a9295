// Runs ExpireDueGrants every second in each instance. Starts on application
// bootstrap rather than module init: bootstrap comes after every onModuleInit, so
// after the runtime's replica caught up, and a run never judges a half-replayed book
// (it would announce the expiry of a grant whose revocation it had not read yet).
// Stops before shutdown, waiting for a run in progress, while the producer is still up.
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ExpireDueGrantsUseCase } from '@carechain/consent-domain';
import { LOGGER } from '@carechain/runtime';
import type { Logger } from '@carechain/telemetry';

// Decisions already deny by time; the interval only delays what audit and other services learn.
export const EXPIRY_INTERVAL_MS = 1_000;

@Injectable()
export class GrantExpiryScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly expire: ExpireDueGrantsUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), EXPIRY_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private tick(): void {
    if (this.inFlight) return;
    this.inFlight = this.run().finally(() => (this.inFlight = undefined));
  }

  private async run(): Promise<void> {
    try {
      const expired = await this.expire.execute();
      if (expired > 0) this.logger.info({ expired }, 'grant expiries published');
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'publishing grant expiries failed; the next run retries');
    }
  }
}
