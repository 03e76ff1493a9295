/** Injection token for the AuthOptions the module was configured with. */
export const AUTH_OPTIONS = Symbol('carechain.auth.options');
