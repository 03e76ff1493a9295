// Verifies a compact JWT and yields the Principal it speaks for. Runs on every
// request: keys come from an in-memory set, the jose options are built once and
// recent verdicts are remembered briefly.
import { jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { DEFAULT_ALGORITHMS, DEFAULT_CLOCK_TOLERANCE_SEC, MAX_CLOCK_TOLERANCE_SEC, SIGNATURE_ALGORITHMS, type AuthOptions } from './auth-options';
import { AuthError, AuthErrorCode } from './auth.error';
import { authErrorFromJose } from './jose-error.mapper';
import { createKeySource } from './key-source';
import type { Principal } from './principal';
import { principalFromClaims } from './principal-claims';
import { VerifiedTokenCache } from './verified-token.cache';

/** An abstract class rather than an interface so Nest can inject it by type. */
export abstract class TokenVerifier {
  /** Resolves the principal, or rejects with an AuthError. */
  abstract verify(token: string): Promise<Principal>;
}

// Far above any token our issuers mint (well under 1 KiB), far below sizes that
// would make parsing a denial-of-service lever.
const MAX_TOKEN_LENGTH = 8 * 1024;

// Three base64url segments: a JWE, a JSON-serialised JWS or garbage is turned away before jose.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

// Enough for every active client of one service instance (~5 MB at most).
const CACHE_MAX_ENTRIES = 10_000;
// Bounds how long a token keeps working after its key leaves the JWKS (a rotation
// after a compromise), and lets requests ride out a short JWKS outage.
const CACHE_TTL_MS = 60_000;

// A JWKS is public: an HMAC key taken from it, or `none`, would let anyone mint tokens.
// Typed options already say so; this holds for options built from untyped input too.
const ASYMMETRIC = new Set<string>(SIGNATURE_ALGORITHMS);

/** Throws at boot (not per request) when the options or the dev key file are unusable. */
export function createTokenVerifier(options: AuthOptions): TokenVerifier {
  const algorithms = [...(options.algorithms ?? DEFAULT_ALGORITHMS)];
  if (algorithms.length === 0) throw new Error('auth: the algorithm allow-list is empty');
  if (!options.issuer || !options.audience) throw new Error('auth: issuer and audience are required');
  const clockTolerance = options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC;
  if (!(clockTolerance >= 0 && clockTolerance <= MAX_CLOCK_TOLERANCE_SEC)) {
    throw new Error(`auth: the clock tolerance must be between 0 and ${MAX_CLOCK_TOLERANCE_SEC} seconds`);
  }
  if (algorithms.some((alg) => !ASYMMETRIC.has(alg))) throw new Error('auth: only asymmetric signature algorithms may be allowed');
  const keys = createKeySource(options);
  const cache = new VerifiedTokenCache(CACHE_MAX_ENTRIES, CACHE_TTL_MS);
  const verifyOptions: JWTVerifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms,
    clockTolerance,
    // Tokens without an expiry would be valid forever.
    requiredClaims: ['exp'],
  };

  return {
    async verify(token: string): Promise<Principal> {
      if (!token) throw new AuthError(AuthErrorCode.MissingToken);
      const cached = cache.get(token);
      if (cached) return cached;
      if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) throw new AuthError(AuthErrorCode.MalformedToken);
      const claims = await verifiedClaims(token, keys, verifyOptions);
      const principal = principalFromClaims(claims);
      // exp is present and numeric: jose enforced requiredClaims and its type.
      cache.set(token, principal, claims.exp as number);
      return principal;
    },
  };
}

async function verifiedClaims(token: string, keys: JWTVerifyGetKey, options: JWTVerifyOptions): Promise<JWTPayload> {
  try {
    return (await jwtVerify(token, keys, options)).payload;
  } catch (err) {
    if (err instanceof AuthError) throw err;
    throw authErrorFromJose(err) ?? err;
  }
}
