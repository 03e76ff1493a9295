// The idempotent, acks=all producer behind EventPublisher. kafkajs allows one
// in-flight request per connection for an idempotent producer, so sending each
// event on its own caps throughput at one broker round trip per event. Instead,
// while one send is in flight, new events queue; when it returns, everything
// queued goes in the next sendBatch. Latency stays one round trip at low load
// and batches grow by themselves under load (Nagle, without a timer).
// Each publish resolves with where its record was written: the partitioner's choice
// for it and the partition's base offset in the send's answer plus its place there.
import { Partitioners, type ICustomPartitioner, type Kafka, type Message, type Producer, type RecordMetadata, type TopicMessages } from 'kafkajs';
import { encodeEvent, validateEvent, type CloudEvent } from '@carechain/contracts';
import type { EventPublisher, Position, RawMessage } from '../ports';
import { inSpan, startProducerSpan } from '../trace-context';

interface Pending {
  readonly topic: string;
  readonly message: Message;
  readonly resolve: (position: Position) => void;
  readonly reject: (err: Error) => void;
}

// Kafka's default max.request.size is 1 MiB; a few hundred events stay well below it.
const MAX_BATCH = 500;

export class KafkaEventPublisher implements EventPublisher {
  private readonly producer: Producer;
  /** The partition the partitioner chose for each message in flight. */
  private readonly partitionOf = new WeakMap<Message, number>();
  private queue: Pending[] = [];
  private inFlight: Promise<void> | undefined;
  private connected = false;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Java-compatible murmur2 on the key: a patient's events land where any Kafka client would put them.
      createPartitioner: this.recordingPartitioner(Partitioners.DefaultPartitioner),
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

  async publish(topic: string, event: CloudEvent, options: { key?: string } = {}): Promise<Position> {
    validateEvent(event);
    const { span, headers } = startProducerSpan(topic, event.type);
    const traceparent = headers.traceparent;
    const stamped: CloudEvent = traceparent ? { ...event, traceparent } : event;
    return inSpan(span, () =>
      this.enqueue(topic, {
        key: options.key ?? event.subject ?? event.id,
        value: encodeEvent(stamped),
        headers: { ...headers, 'content-type': 'application/cloudevents+json', ce_type: event.type, ce_id: event.id },
      }),
    );
  }

  async publishAll(topic: string, events: readonly CloudEvent[], keyOf: (event: CloudEvent) => string): Promise<Position[]> {
    if (events.length === 0) return [];
    const { span, headers } = startProducerSpan(topic, events[0]!.type);
    span.setAttribute('messaging.batch.message_count', events.length);
    return inSpan(span, async () => {
      const messages = events.map((event) => {
        validateEvent(event);
        const stamped: CloudEvent = headers.traceparent ? { ...event, traceparent: headers.traceparent } : event;
        return {
          key: keyOf(event),
          value: encodeEvent(stamped),
          headers: { ...headers, 'content-type': 'application/cloudevents+json', ce_type: event.type, ce_id: event.id },
        };
      });
      return Promise.all(messages.map((m) => this.enqueue(topic, m)));
    });
  }

  publishRaw(topic: string, message: RawMessage): Promise<Position> {
    return this.enqueue(topic, { key: message.key, value: message.value, headers: { ...message.headers } });
  }

  publishTombstone(topic: string, key: string): Promise<Position> {
    return this.enqueue(topic, { key, value: null });
  }

  private enqueue(topic: string, message: Message): Promise<Position> {
    if (!this.connected) return Promise.reject(new Error('publisher is not connected to Kafka'));
    return new Promise<Position>((resolve, reject) => {
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
        (written) => this.settle(batch, written),
        (err: Error) => batch.forEach((p) => p.reject(err)),
      )
      .finally(() => {
        this.inFlight = undefined;
        if (this.queue.length > 0) void this.flush();
      });
    return this.inFlight;
  }

  /**
   * Resolves each publish with its position: kafkajs keeps the order of a partition's
   * messages within a send, so a message's offset is the partition's base offset plus
   * the number of the batch's messages before it on that partition.
   */
  private settle(batch: readonly Pending[], written: readonly RecordMetadata[]): void {
    const base = new Map(written.map((m) => [`${m.topicName}:${m.partition}`, BigInt(m.baseOffset ?? '-1')]));
    const seen = new Map<string, bigint>();
    for (const p of batch) {
      const partition = this.partitionOf.get(p.message);
      const key = `${p.topic}:${partition}`;
      const first = base.get(key);
      if (partition === undefined || first === undefined || first < 0n) {
        // Written all the same (acks=all answered): a publish must not fail after the fact.
        // Offset -1 is "already applied" for every reader, so no one waits on it.
        p.resolve({ topic: p.topic, partition: partition ?? 0, offset: '-1' });
        continue;
      }
      const before = seen.get(key) ?? 0n;
      seen.set(key, before + 1n);
      p.resolve({ topic: p.topic, partition, offset: (first + before).toString() });
    }
  }

  /** Wraps kafkajs's partitioner to remember which partition each message went to. */
  private recordingPartitioner(make: ICustomPartitioner): ICustomPartitioner {
    return () => {
      const choose = make();
      return (args) => {
        const partition = choose(args);
        this.partitionOf.set(args.message, partition);
        return partition;
      };
    };
  }
}
