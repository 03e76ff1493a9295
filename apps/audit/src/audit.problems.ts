// audit's errors at the HTTP edge: the status of every AuditAccessError code.
import { HttpStatus } from '@nestjs/common';
import { domainProblems } from '@carechain/http';
import { AuditAccessError } from '@carechain/audit-domain';

export const AUDIT_PROBLEMS = domainProblems<AuditAccessError>({
  domain: 'audit',
  errorClass: AuditAccessError,
  status: {
    forbidden: HttpStatus.FORBIDDEN,
    'receipt-not-found': HttpStatus.NOT_FOUND,
    'patient-not-found': HttpStatus.NOT_FOUND,
    'patient-erased': HttpStatus.GONE,
    'export-not-found': HttpStatus.NOT_FOUND,
    // 424: the export depended on a service that refused or failed (a 5xx would say audit itself failed).
    'export-failed': HttpStatus.FAILED_DEPENDENCY,
    'export-unavailable': HttpStatus.SERVICE_UNAVAILABLE,
  },
});
