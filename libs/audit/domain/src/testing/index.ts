// Test support for audit's specs, reached as '@carechain/audit-domain/testing'.
// Kept out of src/index.ts: never built into dist.
export { AuditWorld, CLINIC, CUSTODIAN, type AccessInput } from './audit-world';
export { MemoryAuditRedis } from './memory-audit-redis';
export { MemoryAlertWindows } from './memory-alert-windows';
