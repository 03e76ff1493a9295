import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './authenticated-request';
import type { Principal } from './principal';

/** The verified caller of the current request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // Only a programming error gets here (a @Public() handler asking for a caller): fail loudly as a 500.
  if (!principal) throw new Error('@CurrentPrincipal() used on a route that JwtAuthGuard did not authenticate');
  return principal;
});
