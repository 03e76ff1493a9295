// The consent contract's names: ledger-writer submits `consent:RegisterGrant` (and
// RevokeGrant, ExpireGrant), any organisation evaluates `consent:WasGrantValidAt`,
// and listeners subscribe to the three chaincode events.

/** The contract's name within the `carechain` chaincode, beside `anchor`. */
export const CONSENT_CONTRACT_NAME = 'consent';

export const ConsentFunction = {
  RegisterGrant: 'RegisterGrant',
  RevokeGrant: 'RevokeGrant',
  ExpireGrant: 'ExpireGrant',
  GetGrant: 'GetGrant',
  WasGrantValidAt: 'WasGrantValidAt',
} as const;
export type ConsentFunction = (typeof ConsentFunction)[keyof typeof ConsentFunction];

/** Chaincode events, each with `{"grantKey":…,"status":…}` as payload and nothing more. */
export const GRANT_REGISTERED_EVENT = 'GrantRegistered';
export const GRANT_REVOKED_EVENT = 'GrantRevoked';
export const GRANT_EXPIRED_EVENT = 'GrantExpired';
