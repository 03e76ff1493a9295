// The idempotent, acks=all producer behind EventPublisher. kafkajs allows one
// in-flight request per connection for an idempotent producer, so sending each
// event on its own caps throughput at one broker round trip per event. Instead,
// while one send is in flight, new events queue; when it returns, everything
// queued goes in the next sendBatch. Latency stays one round trip at low load
// and batches grow by themselves under load (Nagle, without a timer).
import { Partitioners, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import { encodeEvent, validateEvent, type CloudEvent } from '@carechain/contracts';
import type { EventPublisher, RawMessage } from '../ports';
import { inSpan, startProducerSpan } from '../trace-context';

interface Pending {
  readonly topic: string;
  readonly message: Message;
  readonly resolve: () => void;
  readonly reject: (err: Error) => void;
}

// Kafka's default max.request.size is 1 MiB; a few hundred events stay well below it.
const MAX_BATCH = 500;

export class KafkaEventPublisher implements EventPublisher {
  private readonly producer: Producer;
  private queue: Pending[] = [];
  private inFlight: Promise<void> | undefined;
  private connected = false;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Java-compatible murmur2 on the key: a patient's events land where any Kafka client would put them.
      createPartitioner: Partitioners.DefaultPartitioner,
      // The idempotent producer keeps its sequence numbers only if it never gives up on a
      // batch: while Kafka is away, a publish waits (backoff capped at 5 s) instead of failing.
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000, initialRetryTime: 100 },
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    while (this.inFlight || this.queue.length > 0) await (this.inFlight ?? this.flush());
    this.connected = false;
    await this.producer.disconnect();
  }

  isConnected(): boolean {
    return this.connected;
  }

  async publish(topic: string, event: CloudEvent, options: { key?: string } = {}): Promise<void> {
    validateEvent(event);
    const { span, headers } = startProducerSpan(topic, event.type);
    const traceparent = headers.traceparent;
    const stamped: CloudEvent = traceparent ? { ...event, traceparent } : event;
    await inSpan(span, () =>
      this.enqueue(topic, {
        key: options.key ?? event.subject ?? event.id,
        value: encodeEvent(stamped),
        headers: { ...headers, 'content-type': 'application/cloudevents+json', ce_type: event.type, ce_id: event.id },
      }),
    );
  }

  async publishAll(topic: string, events: readonly CloudEvent[], keyOf: (event: CloudEvent) => string): Promise<void> {
    if (events.length === 0) return;
    const { span, headers } = startProducerSpan(topic, events[0]!.type);
    span.setAttribute('messaging.batch.message_count', events.length);
    await inSpan(span, async () => {
      const messages = events.map((event) => {
        validateEvent(event);
        const stamped: CloudEvent = headers.traceparent ? { ...event, traceparent: headers.traceparent } : event;
        return {
          key: keyOf(event),
          value: encodeEvent(stamped),
          headers: { ...headers, 'content-type': 'application/cloudevents+json', ce_type: event.type, ce_id: event.id },
        };
      });
      await Promise.all(messages.map((m) => this.enqueue(topic, m)));
    });
  }

  publishRaw(topic: string, message: RawMessage): Promise<void> {
    return this.enqueue(topic, { key: message.key, value: message.value, headers: { ...message.headers } });
  }

  publishTombstone(topic: string, key: string): Promise<void> {
    return this.enqueue(topic, { key, value: null });
  }

  private enqueue(topic: string, message: Message): Promise<void> {
    if (!this.connected) return Promise.reject(new Error('publisher is not connected to Kafka'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ topic, message, resolve, reject });
      if (!this.inFlight) void this.flush();
    });
  }

  private flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return Promise.resolve();
    const byTopic = new Map<string, Message[]>();
    for (const p of batch) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.message]);
    const topicMessages: TopicMessages[] = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    this.inFlight = this.producer
      .sendBatch({ topicMessages, acks: -1 })
      .then(
        () => batch.forEach((p) => p.resolve()),
        (err: Error) => batch.forEach((p) => p.reject(err)),
      )
      .finally(() => {
        this.inFlight = undefined;
        if (this.queue.length > 0) void this.flush();
      });
    return this.inFlight;
  }
}
