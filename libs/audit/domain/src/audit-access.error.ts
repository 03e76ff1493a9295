// audit's one domain error: what the HTTP edge maps to a problem (apps/audit/src/audit.problems.ts).
export class AuditAccessError extends Error {
  constructor(
    readonly code: 'forbidden' | 'receipt-not-found' | 'patient-not-found' | 'patient-erased' | 'export-not-found' | 'export-failed' | 'export-unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'AuditAccessError';
  }
}
