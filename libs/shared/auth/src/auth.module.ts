import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthOptions } from './auth-options';
import { AUTH_OPTIONS, RATE_LIMITER } from './auth.tokens';
import { JwtAuthGuard } from './jwt-auth.guard';
import { PrincipalRateLimiter } from './principal-rate-limiter';
import { createTokenVerifier, TokenVerifier } from './token-verifier';

/**
 * Import once in a service's root module: every HTTP route then needs a valid
 * bearer token unless marked @Public(), @Roles is enforced and, with
 * `rateLimit`, each principal is held to its rate (429 with Retry-After).
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        // Built at boot so a missing or unsafe key file stops the service before it listens.
        { provide: TokenVerifier, useFactory: () => createTokenVerifier(options) },
        ...(options.rateLimit ? [{ provide: RATE_LIMITER, useValue: new PrincipalRateLimiter(options.rateLimit) }] : []),
        JwtAuthGuard,
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
      ],
      exports: [AUTH_OPTIONS, TokenVerifier, JwtAuthGuard],
    };
  }
}
