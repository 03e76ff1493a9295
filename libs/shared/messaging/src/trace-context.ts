// W3C trace context in Kafka headers (traceparent/tracestate), and the spans
// around produce and process, named after OpenTelemetry's messaging conventions.
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';

const tracer = trace.getTracer('@carechain/messaging');

export function startProducerSpan(topic: string, eventType: string | undefined): { span: Span; headers: Record<string, string> } {
  const span = tracer.startSpan(`send ${topic}`, {
    kind: SpanKind.PRODUCER,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.destination.name': topic,
      ...(eventType && { 'cloudevents.event_type': eventType }),
    },
  });
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), headers);
  return { span, headers };
}

export function extractContext(headers: Readonly<Record<string, string>>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

export function startConsumerSpan(
  parent: Context,
  record: { topic: string; partition: number; offset: string; eventType?: string; eventId?: string },
  consumerGroup: string,
): Span {
  return tracer.startSpan(
    `process ${record.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': record.topic,
        'messaging.destination.partition.id': String(record.partition),
        'messaging.kafka.offset': Number(record.offset),
        'messaging.consumer.group.name': consumerGroup,
        ...(record.eventType && { 'cloudevents.event_type': record.eventType }),
        ...(record.eventId && { 'cloudevents.event_id': record.eventId }),
      },
    },
    parent,
  );
}

/** Runs `work` inside `span`'s lifetime: failures are recorded on it, and it always ends. */
export async function inSpan<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
    throw err;
  } finally {
    span.end();
  }
}
