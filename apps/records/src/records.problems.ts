// records' errors at the HTTP edge: one problem type per code. A denial carries its
// consent reason (`reason`), an invalid resource its FHIR issues (`errors`, and the
// OperationOutcome itself as `outcome`).
import { HttpStatus } from '@nestjs/common';
import { ProblemException, problemType, type Problem } from '@carechain/http';
import { toOperationOutcome } from '@carechain/records-fhir';
import { RecordsError, RecordsErrorCode } from '@carechain/records-domain';

const STATUS: Record<RecordsErrorCode, number> = {
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
};

export function problemOf(err: RecordsError): Problem {
  const { issues, denyReason, survivorId } = err.details;
  return {
    type: problemType(`records/${err.code}`),
    title: err.code.replace(/-/g, ' '),
    status: STATUS[err.code],
    detail: err.message,
    ...(issues && { errors: issues.map((i) => ({ path: i.path || '(body)', message: i.message, code: i.code })), outcome: toOperationOutcome(issues) }),
    ...(denyReason && { reason: denyReason }),
    ...(survivorId && { survivorId }),
  };
}

/** Runs a use case, turning its RecordsError into the matching problem+json. */
export async function asProblem<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof RecordsError) throw new ProblemException(problemOf(err));
    throw err;
  }
}
