// Telemetry first: http and ioredis must be patched before anything requires them.
import { startTelemetry } from '@carechain/telemetry';

startTelemetry({ serviceName: 'identity' });
void import('./identity.service.js').then((m) => m.start());
