import type { Principal } from './principal';

/**
 * The slice of an HTTP request the guard reads and writes. Structural, so it fits
 * Fastify's request (what Nest hands guards under the Fastify adapter) and Express's.
 */
export interface AuthenticatedRequest {
  readonly headers: { readonly authorization?: string | undefined };
  /** Set by JwtAuthGuard once the bearer token verifies; absent on @Public() routes. */
  principal?: Principal;
}
