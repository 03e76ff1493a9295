// The global guard: authenticates every HTTP route unless it is @Public(), takes the
// request from the principal's rate limit when the deployment sets one, then checks @Roles. Failures leave as problem+json HttpExceptions with a
// WWW-Authenticate challenge; the cause stays on the exception for server logs.
import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError, AuthErrorCode } from './auth.error';
import { AuthProblemException, bearerChallenge } from './auth-problem.exception';
import type { AuthenticatedRequest } from './authenticated-request';
import { RATE_LIMITER } from './auth.tokens';
import { bearerToken } from './bearer-token';
import { PrincipalRateLimiter } from './principal-rate-limiter';
import { IS_PUBLIC_KEY } from './public.decorator';
import type { Role } from './roles';
import { ROLES_KEY } from './roles.decorator';
import { TokenVerifier } from './token-verifier';

/** Fastify's reply and Express's response both have header(name, value). */
interface ReplyWithHeaders {
  header?(name: string, value: string): unknown;
}

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
    @Optional() @Inject(RATE_LIMITER) private readonly limiter?: PrincipalRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Kafka consumers and other non-HTTP entry points authenticate by other means.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    try {
      const principal = await this.verifier.verify(bearerToken(request.headers.authorization));
      request.principal = principal;
      // Before the roles: a client hammering what it may not do is limited too.
      const wait = this.limiter?.take(`${principal.organisation}/${principal.subject}`) ?? 0;
      if (wait > 0) {
        http.getResponse<ReplyWithHeaders>().header?.('retry-after', String(wait));
        throw new AuthError(AuthErrorCode.RateLimited);
      }
      const required = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
      if (required && required.length > 0 && !required.some((role) => principal.roles.includes(role))) {
        throw new AuthError(AuthErrorCode.Forbidden);
      }
      return true;
    } catch (err) {
      if (!(err instanceof AuthError)) throw err;
      const challenge = bearerChallenge(err.code);
      const reply = http.getResponse<ReplyWithHeaders>();
      if (challenge && typeof reply.header === 'function') reply.header('www-authenticate', challenge);
      throw AuthProblemException.from(err);
    }
  }
}
