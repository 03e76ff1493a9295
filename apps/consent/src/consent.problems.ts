// consent's errors at the HTTP edge: the status of every ConsentError code.
import { HttpStatus } from '@nestjs/common';
import { domainProblems } from '@carechain/http';
import { ConsentError, ConsentErrorCode } from '@carechain/consent-domain';

export const CONSENT_PROBLEMS = domainProblems<ConsentError>({
  domain: 'consent',
  errorClass: ConsentError,
  status: {
    [ConsentErrorCode.PatientNotFound]: HttpStatus.NOT_FOUND,
    [ConsentErrorCode.PatientErased]: HttpStatus.GONE,
    [ConsentErrorCode.PatientMerged]: HttpStatus.CONFLICT,
    [ConsentErrorCode.GrantNotFound]: HttpStatus.NOT_FOUND,
    [ConsentErrorCode.GrantEnded]: HttpStatus.CONFLICT,
    [ConsentErrorCode.RevocationPending]: HttpStatus.CONFLICT,
    [ConsentErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
    [ConsentErrorCode.InvalidRequest]: HttpStatus.BAD_REQUEST,
    // Well-formed, but the signature does not prove the patient agreed to these terms.
    [ConsentErrorCode.SigningKeyUnknown]: HttpStatus.UNPROCESSABLE_ENTITY,
    [ConsentErrorCode.SignatureInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  },
});
