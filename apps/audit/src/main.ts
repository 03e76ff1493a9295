// Telemetry first: http and ioredis must be patched before anything requires them.
import { startTelemetry } from '@carechain/telemetry';

startTelemetry({ serviceName: 'audit' });
void import('./audit.service.js').then((m) => m.start());
