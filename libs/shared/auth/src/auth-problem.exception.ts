// The HTTP edge of AuthError: a Nest HttpException whose body is a problem
// document, which the shared problem-details filter sends as application/problem+json.
import { HttpException } from '@nestjs/common';
import { AuthError, AuthErrorCode, authProblemType, describeAuthError } from './auth.error';

export interface AuthProblem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
}

export class AuthProblemException extends HttpException {
  readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, options?: { cause?: unknown }) {
    const { status, title, detail } = describeAuthError(code);
    const problem: AuthProblem = { type: authProblemType(code), title, status, detail };
    super(problem, status, options);
    this.code = code;
  }

  static from(error: AuthError): AuthProblemException {
    return new AuthProblemException(error.code, { cause: error });
  }
}

/**
 * RFC 6750 §3 challenge for the WWW-Authenticate header: clients and proxies
 * tell "log in" from "log in again" from "not allowed" without parsing the body.
 */
export function bearerChallenge(code: AuthErrorCode): string | undefined {
  switch (describeAuthError(code).status) {
    case 401:
      return code === AuthErrorCode.MissingToken ? 'Bearer realm="carechain"' : 'Bearer realm="carechain", error="invalid_token"';
    case 403:
      return 'Bearer realm="carechain", error="insufficient_scope"';
    case 429:
    case 503:
      return undefined;
  }
}
