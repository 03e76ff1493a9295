// records' errors at the HTTP edge: the status of every RecordsError code. A denial
// carries its consent reason (`reason`), an invalid resource its FHIR issues
// (`errors`, and the OperationOutcome itself as `outcome`).
import { HttpStatus } from '@nestjs/common';
import { domainProblems } from '@carechain/http';
import { toOperationOutcome } from '@carechain/records-fhir';
import { RecordsError, RecordsErrorCode } from '@carechain/records-domain';

export const RECORDS_PROBLEMS = domainProblems<RecordsError>({
  domain: 'records',
  errorClass: RecordsError,
  status: {
    [RecordsErrorCode.PatientNotFound]: HttpStatus.NOT_FOUND,
    [RecordsErrorCode.PatientErased]: HttpStatus.GONE,
    [RecordsErrorCode.PatientMerged]: HttpStatus.CONFLICT,
    [RecordsErrorCode.RecordNotFound]: HttpStatus.NOT_FOUND,
    [RecordsErrorCode.InvalidResource]: HttpStatus.BAD_REQUEST,
    [RecordsErrorCode.SubjectMismatch]: HttpStatus.BAD_REQUEST,
    [RecordsErrorCode.ResourceTypeChanged]: HttpStatus.BAD_REQUEST,
    [RecordsErrorCode.VersionConflict]: HttpStatus.PRECONDITION_FAILED,
    [RecordsErrorCode.AccessDenied]: HttpStatus.FORBIDDEN,
    [RecordsErrorCode.ShareNotPermitted]: HttpStatus.CONFLICT,
    [RecordsErrorCode.KeysUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  },
  extensions(err) {
    const { issues, denyReason, survivorId } = err.details;
    return {
      ...(issues && { errors: issues.map((i) => ({ path: i.path || '(body)', message: i.message, code: i.code })), outcome: toOperationOutcome(issues) }),
      ...(denyReason && { reason: denyReason }),
      ...(survivorId && { survivorId }),
    };
  },
});
