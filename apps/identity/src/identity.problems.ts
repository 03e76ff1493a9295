// identity's errors at the HTTP edge: the status of every IdentityError code.
import { HttpStatus } from '@nestjs/common';
import { domainProblems } from '@carechain/http';
import { IdentityError, IdentityErrorCode } from '@carechain/identity-domain';

export const IDENTITY_PROBLEMS = domainProblems<IdentityError>({
  domain: 'identity',
  errorClass: IdentityError,
  status: {
    [IdentityErrorCode.PatientNotFound]: HttpStatus.NOT_FOUND,
    [IdentityErrorCode.PatientErased]: HttpStatus.GONE,
    [IdentityErrorCode.ReviewNotFound]: HttpStatus.NOT_FOUND,
    [IdentityErrorCode.ReviewClosed]: HttpStatus.CONFLICT,
    [IdentityErrorCode.CandidateUnderReview]: HttpStatus.CONFLICT,
    [IdentityErrorCode.MergeRefused]: HttpStatus.CONFLICT,
    [IdentityErrorCode.MergeRequestNotFound]: HttpStatus.NOT_FOUND,
    [IdentityErrorCode.MergeRequestClosed]: HttpStatus.CONFLICT,
    // Keys reach an instance by replay: a moment later they are there.
    [IdentityErrorCode.KeysUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
    [IdentityErrorCode.BadSigningKey]: HttpStatus.BAD_REQUEST,
    [IdentityErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  },
});
