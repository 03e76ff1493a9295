// The shape of a dead letter: the original bytes untouched, and headers that say
// where it came from and why it was set aside, so an operator can fix and replay it.
import type { RawMessage } from './ports';

export const DlqHeaders = {
  sourceTopic: 'carechain-dlq-source-topic',
  sourcePartition: 'carechain-dlq-source-partition',
  sourceOffset: 'carechain-dlq-source-offset',
  reason: 'carechain-dlq-reason',
  failedAt: 'carechain-dlq-failed-at',
  consumerGroup: 'carechain-dlq-consumer-group',
} as const;

// Header values are bounded: a stack trace is for logs, not for Kafka headers.
const MAX_REASON_LENGTH = 2_000;

export interface DeadLetterSource {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

export function deadLetter(source: DeadLetterSource, reason: string, consumerGroup: string, now = new Date()): RawMessage {
  return {
    key: source.key,
    value: source.value ?? Buffer.alloc(0),
    headers: {
      ...source.headers,
      [DlqHeaders.sourceTopic]: source.topic,
      [DlqHeaders.sourcePartition]: String(source.partition),
      [DlqHeaders.sourceOffset]: source.offset,
      [DlqHeaders.reason]: reason.slice(0, MAX_REASON_LENGTH),
      [DlqHeaders.failedAt]: now.toISOString(),
      [DlqHeaders.consumerGroup]: consumerGroup,
    },
  };
}
