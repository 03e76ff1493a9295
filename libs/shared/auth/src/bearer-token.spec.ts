import { AuthError, AuthErrorCode } from './auth.error';
import { bearerToken } from './bearer-token';

function codeOf(header: string | undefined): AuthErrorCode | undefined {
  try {
    bearerToken(header);
    return undefined;
  } catch (err) {
    return (err as AuthError).code;
  }
}

describe('bearerToken', () => {
  it('extracts the token, whatever the scheme case', () => {
    expect(bearerToken('Bearer a.b.c')).toBe('a.b.c');
    expect(bearerToken('bearer   a.b.c ')).toBe('a.b.c');
  });

  it('treats no header and other schemes as no token', () => {
    expect(codeOf(undefined)).toBe(AuthErrorCode.MissingToken);
    expect(codeOf('')).toBe(AuthErrorCode.MissingToken);
    expect(codeOf('Basic dXNlcjpwdw==')).toBe(AuthErrorCode.MissingToken);
    expect(codeOf('Bearertoken')).toBe(AuthErrorCode.MissingToken);
  });

  it('treats a broken Bearer header as malformed', () => {
    expect(codeOf('Bearer')).toBe(AuthErrorCode.MalformedToken);
    expect(codeOf('Bearer ')).toBe(AuthErrorCode.MalformedToken);
    expect(codeOf('Bearer a b')).toBe(AuthErrorCode.MalformedToken);
  });
});
