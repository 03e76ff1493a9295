// consent's errors at the HTTP edge: one problem type per code
// (https://carechain.dev/problems/consent/<code>).
import { HttpStatus } from '@nestjs/common';
import { ProblemException, problemType } from '@carechain/http';
import { ConsentError, ConsentErrorCode } from '@carechain/consent-domain';

export const CONSENT_STATUS: Readonly<Record<ConsentErrorCode, number>> = {
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
};

export function consentProblem(err: ConsentError): ProblemException {
  return new ProblemException({ type: problemType(`consent/${err.code}`), title: err.code.replace(/-/g, ' '), status: CONSENT_STATUS[err.code], detail: err.message });
}

/** Rethrows a ConsentError as its problem+json, anything else as it is. */
export function rethrowAsProblem(err: unknown): never {
  if (err instanceof ConsentError) throw consentProblem(err);
  throw err;
}

/** Runs a use case, turning its ConsentError into the matching problem+json. */
export async function asProblem<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    rethrowAsProblem(err);
  }
}
