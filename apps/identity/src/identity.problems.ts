// identity's errors at the HTTP edge: one problem type per code.
import { HttpStatus } from '@nestjs/common';
import { ProblemException, problemType } from '@carechain/http';
import { IdentityError, IdentityErrorCode } from '@carechain/identity-domain';

const STATUS: Record<IdentityErrorCode, number> = {
  [IdentityErrorCode.PatientNotFound]: HttpStatus.NOT_FOUND,
  [IdentityErrorCode.PatientErased]: HttpStatus.GONE,
  [IdentityErrorCode.ReviewNotFound]: HttpStatus.NOT_FOUND,
  [IdentityErrorCode.ReviewClosed]: HttpStatus.CONFLICT,
  [IdentityErrorCode.MergeRefused]: HttpStatus.CONFLICT,
  [IdentityErrorCode.MergeRequestNotFound]: HttpStatus.NOT_FOUND,
  [IdentityErrorCode.MergeRequestClosed]: HttpStatus.CONFLICT,
  // Keys reach an instance by replay: a moment later they are there.
  [IdentityErrorCode.KeysUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [IdentityErrorCode.BadSigningKey]: HttpStatus.BAD_REQUEST,
  [IdentityErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
};

/** Runs a use case, turning its IdentityError into the matching problem+json. */
export async function asProblem<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof IdentityError) {
      throw new ProblemException({ type: problemType(`identity/${err.code}`), title: err.code.replace(/-/g, ' '), status: STATUS[err.code], detail: err.message });
    }
    throw err;
  }
}
