// Names other components depend on: ledger-writer submits to `consent:RegisterGrant`
// (and RevokeGrant, ExpireGrant), any organisation evaluates `consent:WasGrantValidAt`,
// and listeners subscribe to the three chaincode events.

/** The contract's name within the `carechain` chaincode, beside `anchor`. */
export const CONSENT_CONTRACT_NAME = 'consent';

/** Chaincode events, each with `{"grantId":…,"status":…}` as payload and nothing more. */
export const GRANT_REGISTERED_EVENT = 'GrantRegistered';
export const GRANT_REVOKED_EVENT = 'GrantRevoked';
export const GRANT_EXPIRED_EVENT = 'GrantExpired';
