// Runs the completeness monitor inside audit: one feed of batches per organisation's
// peer (each followed for as long as audit runs, reopened after a break), the log's
// extent per partition from Kafka, and a check every AUDIT_MONITOR_INTERVAL_MS. The
// records reach it through LedgerMonitorEvents (a replica of the anchored topics).
// Each round has three independent steps, none waiting for another: reading the log's
// extent (a Kafka round trip), accounting (memory only: what the monitor's lag depends
// on) and re-verifying samples (Redis reads, seconds when the read models are busy).
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { createEvent, LEDGER_ALERT_RAISED_V1, Topics } from '@carechain/contracts';
import type { CompletenessMonitor, FindingSink, LedgerFinding } from '@carechain/audit-domain';
import type { FabricBatchFeed } from '@carechain/ledger-fabric';
import type { EventPublisher } from '@carechain/messaging';
import type { Logger } from '@carechain/telemetry';

/** Before reopening a broken feed: a peer restarting takes a few seconds. */
const FEED_RETRY_MS = 2_000;

export interface LedgerMonitorSettings {
  readonly topics: readonly string[];
  readonly intervalMs: number;
}

/** Each finding as a carechain.audit.ledger.alert-raised.v1 on audit.alert.v1, keyed by its topic partition. */
export class LedgerAlertSink implements FindingSink {
  constructor(private readonly publisher: EventPublisher) {}

  async raise(findings: readonly LedgerFinding[]): Promise<void> {
    const events = findings.map((f) =>
      createEvent({
        id: f.id,
        type: LEDGER_ALERT_RAISED_V1,
        source: '/carechain/audit',
        actor: 'carechain-audit',
        time: new Date(f.detectedAt),
        data: {
          alertId: f.id,
          rule: f.kind,
          topic: f.topic,
          partition: f.partition,
          firstOffset: f.firstOffset,
          lastOffset: f.lastOffset,
          batchIds: f.batchIds.slice(0, 16),
          organisations: [...f.organisations],
          eventIds: f.eventIds.slice(0, 100),
          detail: f.detail.slice(0, 1000),
          detectedAt: f.detectedAt,
        },
      }),
    );
    await this.publisher.publishAll(Topics.auditAlert, events, (e) => {
      const { topic, partition } = e.data as { topic: string; partition: number };
      return `${topic}:${partition}`;
    });
  }
}

export class LedgerMonitorRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private admin: Admin | undefined;
  /** The steps of a round still running: a step never overlaps itself. */
  private readonly running = new Set<string>();
  private stopGauge: (() => void) | undefined;

  constructor(
    readonly monitor: CompletenessMonitor,
    /** One per organisation, each read with that organisation's identity. */
    private readonly feeds: readonly { readonly organisation: string; readonly feed: FabricBatchFeed }[],
    private readonly kafka: Kafka,
    private readonly settings: LedgerMonitorSettings,
    private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.stopGauge = this.monitor.observe();
    for (const { organisation, feed } of this.feeds) void this.follow(organisation, feed);
    this.timer = setInterval(() => this.round(), this.settings.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopGauge?.();
    for (const { feed } of this.feeds) feed.close();
    await this.admin?.disconnect().catch(() => undefined);
  }

  private async follow(organisation: string, feed: FabricBatchFeed): Promise<void> {
    while (!this.stopped) {
      try {
        for await (const { record } of feed.batches()) await this.monitor.batch(organisation, record);
      } catch (err) {
        if (this.stopped) return;
        this.logger.warn({ organisation, err: (err as Error).message }, 'batch feed broke: reopening');
      }
      await new Promise((resolve) => setTimeout(resolve, FEED_RETRY_MS));
    }
  }

  private round(): void {
    void this.step('log extent', () => this.readExtents());
    void this.step('accounting', () => this.monitor.account());
    void this.step('sample re-verification', () => this.monitor.reverifySamples());
  }

  private async step(name: string, run: () => Promise<void>): Promise<void> {
    if (this.running.has(name) || this.stopped) return;
    this.running.add(name);
    try {
      await run();
    } catch (err) {
      this.logger.warn({ step: name, err: (err as Error).message }, 'completeness check failed: retrying next round');
    } finally {
      this.running.delete(name);
    }
  }

  private async readExtents(): Promise<void> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    // All topics at once: one round trip per round rather than one per topic.
    const admin = this.admin;
    const extents = await Promise.all(this.settings.topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })));
    for (const { topic, offsets } of extents) for (const o of offsets) this.monitor.logExtent(topic, o.partition, o.low, o.high);
  }
}
