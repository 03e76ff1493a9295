// Bounds of what the consent contract accepts. Everything it stores is a commitment
// or a time, each of a fixed alphabet and length: no free text and no id, so no
// patient id, organisation, category, purpose, grant id or event id can reach the
// chain in clear.

/**
 * HMAC-SHA-256 under the patient's commitment salt, lowercase hex, computed off-chain:
 * the grant key and every commitment. One spelling per value: accepting upper case
 * too would let a retry register the same grant under a second key.
 */
export const COMMITMENT_PATTERN = /^[0-9a-f]{64}$/;
