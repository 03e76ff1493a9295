// An EventPublisher that validates every event as Kafka's would be, keeps what it
// was given, and can hand each event on (to a projection, as its consumer would).
import { validateEvent, type AnyEvent, type CloudEvent } from '@carechain/contracts';
import type { EventPublisher, RawMessage } from '@carechain/messaging';

export interface Published {
  readonly topic: string;
  readonly key: string | undefined;
  readonly event: AnyEvent;
}

export class FakePublisher implements EventPublisher {
  readonly published: Published[] = [];
  /** Set to make the next publishes fail, as a broker that is away would. */
  failWith: Error | undefined;
  private readonly listeners: ((p: Published) => void)[] = [];

  onPublish(listener: (p: Published) => void): void {
    this.listeners.push(listener);
  }

  async publish(topic: string, event: CloudEvent, options: { key?: string } = {}): Promise<void> {
    if (this.failWith) throw this.failWith;
    const p = { topic, key: options.key, event: validateEvent(event) };
    this.published.push(p);
    for (const l of this.listeners) l(p);
  }

  async publishAll(topic: string, events: readonly CloudEvent[], keyOf: (event: CloudEvent) => string): Promise<void> {
    if (this.failWith) throw this.failWith;
    for (const event of events) await this.publish(topic, event, { key: keyOf(event) });
  }

  async publishRaw(_topic: string, _message: RawMessage): Promise<void> {
    throw new Error('records publishes CloudEvents only');
  }

  async publishTombstone(_topic: string, _key: string): Promise<void> {
    throw new Error('records publishes no tombstones');
  }

  on(topic: string): Published[] {
    return this.published.filter((p) => p.topic === topic);
  }
}
