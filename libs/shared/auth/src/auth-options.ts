import type { RateLimit } from './principal-rate-limiter';

// How a service trusts tokens. Typed options only: the service's config module
// reads the environment and hands these over (no process.env here).

/** Asymmetric JWS algorithms only: a JWKS is public, so HMAC or `none` can never be trusted. */
export const SIGNATURE_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

interface CommonAuthOptions {
  /** Exact `iss` the tokens must carry. */
  readonly issuer: string;
  /** `aud` the tokens must contain. */
  readonly audience: string;
  /** Allowed clock skew for `exp`/`nbf`, in seconds. Default 5, at most MAX_CLOCK_TOLERANCE_SEC. */
  readonly clockToleranceSec?: number;
  /** `alg` allow-list. Default ES256, RS256, EdDSA. */
  readonly algorithms?: readonly SignatureAlgorithm[];
  /** Requests per second each principal may make; none when absent. */
  readonly rateLimit?: RateLimit;
}

export interface DevAuthOptions extends CommonAuthOptions {
  readonly mode: 'dev';
  /** A JWKS JSON file holding public keys only (tools/devnet/lib/dev-keys.ts writes one). */
  readonly devJwksFile: string;
}

export interface JwksAuthOptions extends CommonAuthOptions {
  readonly mode: 'jwks';
  /** The production issuer's JWKS endpoint; fetched lazily and cached. */
  readonly jwksUrl: string;
}

export type AuthOptions = DevAuthOptions | JwksAuthOptions;

// A few seconds absorbs NTP drift between the issuer and our hosts without
// meaningfully extending a token's life.
export const DEFAULT_CLOCK_TOLERANCE_SEC = 5;
// Anything over a few minutes would quietly lengthen every token's life: refused at boot.
export const MAX_CLOCK_TOLERANCE_SEC = 300;

export const DEFAULT_ALGORITHMS: readonly SignatureAlgorithm[] = ['ES256', 'RS256', 'EdDSA'];
