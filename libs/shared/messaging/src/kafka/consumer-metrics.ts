// What a consumer group reports about itself: lag per partition as of its last
// batch, batch processing time, records handed to the handler, and dead letters
// by reason class (the reason's first word: `contract`, `poison`, ... — never the
// free text, which would make every reason its own time series).
import { counter, gauge, histogram, METRICS } from '@carechain/telemetry';

const processDuration = histogram(METRICS.processDuration);
const consumed = counter(METRICS.consumedMessages);
const deadLetters = counter(METRICS.deadLetters);

export function reasonClass(reason: string): string {
  return /^[a-z][a-z-]*/i.exec(reason)?.[0].toLowerCase() ?? 'other';
}

export class ConsumerMetrics {
  private readonly lag = new Map<string, { topic: string; partition: number; lag: number }>();
  private stopObserving: (() => void) | undefined;

  constructor(private readonly groupId: string) {}

  start(): void {
    this.stopObserving ??= gauge(METRICS.consumerLag, () =>
      [...this.lag.values()].map(
        ({ topic, partition, lag }) =>
          [
            lag,
            {
              'messaging.consumer.group.name': this.groupId,
              'messaging.destination.name': topic,
              'messaging.destination.partition.id': String(partition),
            },
          ] as const,
      ),
    );
  }

  /** A batch applied: `highWatermark` is the partition's end as the fetch saw it, `lastOffset` the batch's last record. */
  batch(topic: string, partition: number, records: number, seconds: number, highWatermark: string, lastOffset: string): void {
    const attributes = { 'messaging.consumer.group.name': this.groupId, 'messaging.destination.name': topic };
    processDuration.record(seconds, attributes);
    consumed.add(records, attributes);
    this.lag.set(`${topic}:${partition}`, { topic, partition, lag: Math.max(0, Number(BigInt(highWatermark) - BigInt(lastOffset) - 1n)) });
  }

  deadLettered(topic: string, reason: string): void {
    deadLetters.add(1, { 'messaging.consumer.group.name': this.groupId, 'messaging.destination.name': topic, 'carechain.dlq.reason': reasonClass(reason) });
  }

  stop(): void {
    this.stopObserving?.();
    this.stopObserving = undefined;
    this.lag.clear();
  }
}
