// JSON logs carrying trace and span ids. Logs carry ids, never PHI: the redact
// list is a last line of defence for payload-shaped fields, not a licence to log them.
import pino, { type Logger } from 'pino';
import { trace } from '@opentelemetry/api';

export type { Logger } from 'pino';

const PHI_SHAPED_PATHS = [
  'data',
  '*.data',
  'demographics',
  '*.demographics',
  'name',
  '*.name',
  'birthDate',
  '*.birthDate',
  'identifiers',
  '*.identifiers',
  'req.headers.authorization',
  'headers.authorization',
];

export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    level,
    base: { service },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: PHI_SHAPED_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const span = trace.getActiveSpan();
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
  });
}
