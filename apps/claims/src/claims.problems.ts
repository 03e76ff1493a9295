// claims' errors at the HTTP edge: the status of every ClaimsError code. An invalid or
// unprocessable resource carries its FHIR issues (`errors`, and the OperationOutcome
// itself as `outcome`); a refused transition names the claim's current state.
import { HttpStatus } from '@nestjs/common';
import { domainProblems } from '@carechain/http';
import { toOperationOutcome } from '@carechain/records-fhir';
import { ClaimsError, ClaimsErrorCode } from '@carechain/claims-domain';

const STATUS: Record<ClaimsErrorCode, number> = {
  [ClaimsErrorCode.PatientNotFound]: HttpStatus.NOT_FOUND,
  [ClaimsErrorCode.PatientErased]: HttpStatus.GONE,
  // FHIR answers a resource that breaks its rules (a code outside a required binding) with 422.
  [ClaimsErrorCode.InvalidResource]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ClaimsErrorCode.UnprocessableClaim]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ClaimsErrorCode.CoverageNotFound]: HttpStatus.NOT_FOUND,
  [ClaimsErrorCode.ClaimNotFound]: HttpStatus.NOT_FOUND,
  [ClaimsErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ClaimsErrorCode.InvalidTransition]: HttpStatus.CONFLICT,
  [ClaimsErrorCode.InvalidPlan]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ClaimsErrorCode.PlanVersionConflict]: HttpStatus.CONFLICT,
  [ClaimsErrorCode.KeysUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Every status a claims endpoint may answer with besides success, for the OpenAPI. */
export const CLAIMS_ERROR_STATUSES = [...new Set([400, 401, ...Object.values(STATUS)])].sort();

export const CLAIMS_PROBLEMS = domainProblems<ClaimsError>({
  domain: 'claims',
  errorClass: ClaimsError,
  status: STATUS,
  extensions(err) {
    const { issues, currentStatus } = err.details;
    return {
      ...(issues && { errors: issues.map((i) => ({ path: i.path || '(body)', message: i.message, code: i.code })), outcome: toOperationOutcome(issues) }),
      ...(currentStatus && { currentStatus }),
    };
  },
});
