// The one exception of the auth domain. Codes are stable API: clients branch on
// the problem type derived from them, never on the prose.

export enum AuthErrorCode {
  MissingToken = 'missing_token',
  MalformedToken = 'malformed_token',
  InvalidSignature = 'invalid_signature',
  Expired = 'expired',
  NotYetValid = 'not_yet_valid',
  WrongIssuer = 'wrong_issuer',
  WrongAudience = 'wrong_audience',
  InvalidClaims = 'invalid_claims',
  JwksUnavailable = 'jwks_unavailable',
  /** Raised by the guard, not the verifier: authenticated, but none of the route's roles. */
  Forbidden = 'forbidden',
  /** Raised by the guard: the principal went over its rate limit (the answer carries Retry-After). */
  RateLimited = 'rate_limited',
}

export interface AuthErrorDescription {
  readonly status: 401 | 403 | 429 | 503;
  readonly title: string;
  /** Safe for clients: says what to do, never why a signature or key check failed. */
  readonly detail: string;
}

export const AUTH_PROBLEM_BASE = 'https://carechain.dev/problems/auth';

/** auth/<code>; a missing role is the one `forbidden` type every 403 of every service has. */
export function authProblemType(code: AuthErrorCode): string {
  return code === AuthErrorCode.Forbidden ? 'https://carechain.dev/problems/forbidden' : `${AUTH_PROBLEM_BASE}/${code}`;
}

export function describeAuthError(code: AuthErrorCode): AuthErrorDescription {
  switch (code) {
    case AuthErrorCode.MissingToken:
      return { status: 401, title: 'Authentication required', detail: 'Send a bearer token in the Authorization header.' };
    case AuthErrorCode.MalformedToken:
      return { status: 401, title: 'Malformed token', detail: 'The bearer token is not a well-formed signed JWT.' };
    case AuthErrorCode.InvalidSignature:
      return { status: 401, title: 'Invalid token signature', detail: 'The token is not signed by a trusted key with an allowed algorithm.' };
    case AuthErrorCode.Expired:
      return { status: 401, title: 'Token expired', detail: 'The token has expired; obtain a new one.' };
    case AuthErrorCode.NotYetValid:
      return { status: 401, title: 'Token not yet valid', detail: 'The token is not valid before its nbf time.' };
    case AuthErrorCode.WrongIssuer:
      return { status: 401, title: 'Untrusted token issuer', detail: 'The token was not issued by the issuer this service trusts.' };
    case AuthErrorCode.WrongAudience:
      return { status: 401, title: 'Wrong token audience', detail: 'The token was not issued for this service.' };
    case AuthErrorCode.InvalidClaims:
      return { status: 401, title: 'Invalid token claims', detail: 'The token needs exp, sub, a valid org and at least one known role.' };
    case AuthErrorCode.JwksUnavailable:
      return { status: 503, title: 'Token keys unavailable', detail: 'The keys that verify tokens could not be loaded; retry later.' };
    case AuthErrorCode.Forbidden:
      return { status: 403, title: 'Forbidden', detail: 'None of your roles may perform this operation.' };
    case AuthErrorCode.RateLimited:
      return { status: 429, title: 'Too many requests', detail: 'You went over your rate limit; retry after the Retry-After seconds.' };
    default:
      return unreachable(code);
  }
}

function unreachable(code: never): never {
  throw new Error(`unhandled auth error code: ${String(code)}`);
}

export class AuthError extends Error {
  override readonly name = 'AuthError';

  /** `cause` is for server-side logs only; it never reaches a response. */
  constructor(
    readonly code: AuthErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${describeAuthError(code).title}`, options);
  }

  get status(): 401 | 403 | 429 | 503 {
    return describeAuthError(this.code).status;
  }
}
