// The EventPublisher for specs: validates every event as the Kafka adapter does (so
// a spec fails on a contract breach), records what was published and tombstoned, and
// can fail or hold publishes to play a broker that is away or slow.
import { validateEvent, type AnyEvent, type CloudEvent } from '@carechain/contracts';
import type { EventPublisher, Position, RawMessage } from '../ports';

export interface Published {
  readonly topic: string;
  readonly key: string | undefined;
  readonly event: AnyEvent;
}

export class RecordingPublisher implements EventPublisher {
  readonly published: Published[] = [];
  readonly tombstones: { readonly topic: string; readonly key: string }[] = [];
  readonly raw: { readonly topic: string; readonly message: RawMessage }[] = [];
  /** Set to make publishes reject (until cleared). */
  failure: Error | undefined;
  /** Set to hold publishes until the spec resolves it. */
  gate: Promise<void> | undefined;
  private readonly listeners: ((p: Published) => void)[] = [];
  private readonly offsets = new Map<string, number>();

  /** Hands each published event on, e.g. to a projection, as its consumer would. */
  onPublish(listener: (p: Published) => void): void {
    this.listeners.push(listener);
  }

  async publish(topic: string, event: CloudEvent, options: { key?: string } = {}): Promise<Position> {
    const valid = validateEvent(event);
    await this.admit();
    return this.record({ topic, key: options.key, event: valid });
  }

  async publishAll(topic: string, events: readonly CloudEvent[], keyOf: (event: CloudEvent) => string): Promise<Position[]> {
    const valid = events.map((e) => validateEvent(e));
    await this.admit();
    return valid.map((event) => this.record({ topic, key: keyOf(event), event }));
  }

  async publishRaw(topic: string, message: RawMessage): Promise<Position> {
    await this.admit();
    this.raw.push({ topic, message });
    return this.next(topic);
  }

  async publishTombstone(topic: string, key: string): Promise<Position> {
    await this.admit();
    this.tombstones.push({ topic, key });
    return this.next(topic);
  }

  on(topic: string): Published[] {
    return this.published.filter((p) => p.topic === topic);
  }

  ofType(type: string): AnyEvent[] {
    return this.published.filter((p) => p.event.type === type).map((p) => p.event);
  }

  private async admit(): Promise<void> {
    if (this.gate) await this.gate;
    if (this.failure) throw this.failure;
  }

  private record(p: Published): Position {
    this.published.push(p);
    for (const l of this.listeners) l(p);
    return this.next(p.topic);
  }

  /** One partition per topic, offsets counting up from 0 as Kafka would. */
  private next(topic: string): Position {
    const offset = this.offsets.get(topic) ?? 0;
    this.offsets.set(topic, offset + 1);
    return { topic, partition: 0, offset: String(offset) };
  }
}
