// Translates jose's verification failures into auth codes. Anything jose did not
// raise is a bug on our side and is rethrown by the caller, not disguised as a 401.
import { errors } from 'jose';
import { AuthError, AuthErrorCode } from './auth.error';

export function authErrorFromJose(err: unknown): AuthError | undefined {
  const code = codeFor(err);
  return code === undefined ? undefined : new AuthError(code, { cause: err });
}

function codeFor(err: unknown): AuthErrorCode | undefined {
  // JWTExpired is not a JWTClaimValidationFailed subclass in jose 5, but check it first regardless.
  if (err instanceof errors.JWTExpired) return AuthErrorCode.Expired;
  if (err instanceof errors.JWTClaimValidationFailed) {
    switch (err.claim) {
      case 'iss':
        return AuthErrorCode.WrongIssuer;
      case 'aud':
        return AuthErrorCode.WrongAudience;
      case 'nbf':
        return err.reason === 'check_failed' ? AuthErrorCode.NotYetValid : AuthErrorCode.InvalidClaims;
      default:
        // A missing or non-numeric exp, a bad iat: the claims set is unusable.
        return AuthErrorCode.InvalidClaims;
    }
  }
  if (
    err instanceof errors.JWSSignatureVerificationFailed ||
    // alg none, HS256 or anything else off the allow-list: not signed in a way we trust.
    err instanceof errors.JOSEAlgNotAllowed ||
    // No key (or no single key) in the set for this kid/alg: no trusted signer.
    err instanceof errors.JWKSNoMatchingKey ||
    err instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return AuthErrorCode.InvalidSignature;
  }
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid || err instanceof errors.JOSENotSupported) {
    return AuthErrorCode.MalformedToken;
  }
  return undefined;
}
