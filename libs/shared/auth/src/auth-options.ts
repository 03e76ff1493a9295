// How a service trusts tokens. Typed options only: the service's config module
// reads the environment and hands these over (no process.env here).

/** Asymmetric JWS algorithms only: a JWKS is public, so HMAC or `none` can never be trusted. */
export type SignatureAlgorithm = 'ES256' | 'ES384' | 'ES512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'EdDSA';

interface CommonAuthOptions {
  /** Exact `iss` the tokens must carry. */
  readonly issuer: string;
  /** `aud` the tokens must contain. */
  readonly audience: string;
  /** Allowed clock skew for `exp`/`nbf`, in seconds. Default 5. */
  readonly clockToleranceSec?: number;
  /** `alg` allow-list. Default ES256, RS256, EdDSA. */
  readonly algorithms?: readonly SignatureAlgorithm[];
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

export const DEFAULT_ALGORITHMS: readonly SignatureAlgorithm[] = ['ES256', 'RS256', 'EdDSA'];
