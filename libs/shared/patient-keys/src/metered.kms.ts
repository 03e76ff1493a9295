// Any KeyManagementService, counted and timed per call: a KMS that slows down or
// fails shows on the dashboard before patients' keys become unavailable.
import type { WrappedSecret } from '@carechain/contracts';
import type { EncryptionContext, KeyManagementService } from '@carechain/crypto';
import { counter, histogram, METRICS, secondsSince } from '@carechain/telemetry';

const calls = counter(METRICS.kmsCalls);
const duration = histogram(METRICS.kmsDuration);

export class MeteredKms implements KeyManagementService {
  readonly provider: string;

  constructor(private readonly inner: KeyManagementService) {
    this.provider = inner.provider;
  }

  activeKekId(): string {
    return this.inner.activeKekId();
  }

  wrap(secret: Buffer, context: EncryptionContext): Promise<WrappedSecret> {
    return this.measure('wrap', () => this.inner.wrap(secret, context));
  }

  unwrap(wrapped: WrappedSecret, context: EncryptionContext): Promise<Buffer> {
    return this.measure('unwrap', () => this.inner.unwrap(wrapped, context));
  }

  private async measure<T>(operation: string, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const attributes = { 'carechain.kms.operation': operation, 'carechain.kms.provider': this.provider };
    try {
      const result = await call();
      calls.add(1, { ...attributes, 'carechain.kms.outcome': 'ok' });
      return result;
    } catch (err) {
      calls.add(1, { ...attributes, 'carechain.kms.outcome': 'error' });
      throw err;
    } finally {
      duration.record(secondsSince(started), attributes);
    }
  }
}
