// Telemetry first: http and ioredis must be patched before anything requires them.
import { startTelemetry } from '@carechain/telemetry';

startTelemetry({ serviceName: 'ledger-writer' });
void import('./ledger-writer.service.js').then((m) => m.start());
