import { Injectable } from '@nestjs/common';

export interface ReadinessProbe {
  readonly name: string;
  check(): Promise<boolean> | boolean;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, boolean>>;
}

// A probe that hangs must not hang the probe endpoint: Kubernetes would time out anyway.
const PROBE_TIMEOUT_MS = 1_000;

/** What /health/ready asks: every registered probe (Kafka consumers running, Redis answering, ...). */
@Injectable()
export class Readiness {
  private readonly probes: ReadinessProbe[] = [];

  register(probe: ReadinessProbe): void {
    this.probes.push(probe);
  }

  async evaluate(): Promise<ReadinessReport> {
    const results = await Promise.all(
      this.probes.map(async (p) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
        try {
          return [p.name, await Promise.race([Promise.resolve(p.check()), timeout])] as const;
        } catch {
          return [p.name, false] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const checks = Object.fromEntries(results);
    return { ready: this.probes.length > 0 && results.every(([, ok]) => ok), checks };
  }
}
