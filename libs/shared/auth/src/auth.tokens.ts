/** Injection token for the AuthOptions the module was configured with. */
export const AUTH_OPTIONS = Symbol('carechain.auth.options');

/** Injection token for the per-principal rate limiter, present when the options set a limit. */
export const RATE_LIMITER = Symbol('carechain.auth.rate-limiter');
