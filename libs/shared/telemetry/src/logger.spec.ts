import { Writable } from 'node:stream';
import pino from 'pino';
import { context, trace, ROOT_CONTEXT } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { createLogger } from './logger';

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()));
      cb();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts PHI-shaped fields and adds trace ids inside a span', () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const tracer = new BasicTracerProvider().getTracer('test');
    const { lines, stream } = capture();
    const base = createLogger('svc');
    const logger = pino({ ...base.levels, level: 'info', redact: ['data', '*.demographics'], mixin: () => ({}) }, stream);
    logger.info({ data: { name: 'Ada' }, event: { demographics: { birthDate: '1815-12-10' } } }, 'x');
    expect(JSON.stringify(lines[0])).not.toContain('Ada');
    expect(JSON.stringify(lines[0])).not.toContain('1815');

    const span = tracer.startSpan('op');
    context.with(trace.setSpan(ROOT_CONTEXT, span), () => {
      const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
      base.info({ data: { given: 'Ada' } }, 'inside');
      const line = JSON.parse(String(write.mock.calls[0]?.[0]));
      write.mockRestore();
      expect(line.trace_id).toBe(span.spanContext().traceId);
      expect(line.span_id).toBe(span.spanContext().spanId);
      expect(line.data).toBe('[redacted]');
      expect(line.service).toBe('svc');
    });
    span.end();
  });
});
