import { AuthError, AuthErrorCode } from './auth.error';

// RFC 6750 §2.1: `Bearer` (any case), one or more spaces, the token.
const BEARER = /^Bearer +(\S+) *$/i;

/** The token from an Authorization header value, or an AuthError saying what is wrong. */
export function bearerToken(header: string | undefined): string {
  // No header, or another scheme (Basic, ...): no bearer credentials were offered.
  if (!header || !/^Bearer(\s|$)/i.test(header)) throw new AuthError(AuthErrorCode.MissingToken);
  const match = BEARER.exec(header);
  if (!match?.[1]) throw new AuthError(AuthErrorCode.MalformedToken);
  return match[1];
}
