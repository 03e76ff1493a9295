import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpException } from '@nestjs/common';
import { AuthError, AuthErrorCode, authProblemType, describeAuthError } from './auth.error';
import { AuthProblemException, bearerChallenge } from './auth-problem.exception';

const ALL = Object.values(AuthErrorCode);

describe('AuthError mapping', () => {
  it('maps token problems to 401, forbidden to 403, a rate limit to 429 and key outages to 503', () => {
    const statuses = Object.fromEntries(ALL.map((code) => [code, describeAuthError(code).status]));
    expect(statuses).toEqual({
      missing_token: 401,
      malformed_token: 401,
      invalid_signature: 401,
      expired: 401,
      not_yet_valid: 401,
      wrong_issuer: 401,
      wrong_audience: 401,
      invalid_claims: 401,
      jwks_unavailable: 503,
      forbidden: 403,
      rate_limited: 429,
    });
  });

  it.each(ALL.filter((c) => c !== AuthErrorCode.Forbidden))('%s has a stable problem type', (code) => {
    expect(authProblemType(code)).toBe(`https://carechain.dev/problems/auth/${code}`);
  });

  it('is documented in the README, every type', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    const kinds = ALL.map((code) => authProblemType(code).replace('https://carechain.dev/problems/', ''));
    expect(kinds.filter((kind) => !readme.includes(`| \`${kind}\` |`))).toEqual([]);
  });

  it('answers a missing role with the one forbidden type of every 403', () => {
    expect(authProblemType(AuthErrorCode.Forbidden)).toBe('https://carechain.dev/problems/forbidden');
  });

  it('carries its code and status', () => {
    const err = new AuthError(AuthErrorCode.Expired, { cause: new Error('jose said so') });
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe('expired');
    expect(err.status).toBe(401);
    expect(err.message).not.toContain('jose');
  });
});

describe('AuthProblemException', () => {
  it.each(ALL)('%s becomes an HttpException with a problem body and nothing else', (code) => {
    const exception = AuthProblemException.from(new AuthError(code, { cause: new Error('secret reason') }));
    const { status, title, detail } = describeAuthError(code);
    expect(exception).toBeInstanceOf(HttpException);
    expect(exception.getStatus()).toBe(status);
    expect(exception.getResponse()).toEqual({ type: authProblemType(code), title, status, detail });
    expect(JSON.stringify(exception.getResponse())).not.toContain('secret reason');
  });

  it('gives RFC 6750 challenges', () => {
    expect(bearerChallenge(AuthErrorCode.MissingToken)).toBe('Bearer realm="carechain"');
    expect(bearerChallenge(AuthErrorCode.Expired)).toBe('Bearer realm="carechain", error="invalid_token"');
    expect(bearerChallenge(AuthErrorCode.Forbidden)).toBe('Bearer realm="carechain", error="insufficient_scope"');
    expect(bearerChallenge(AuthErrorCode.JwksUnavailable)).toBeUndefined();
  });
});
