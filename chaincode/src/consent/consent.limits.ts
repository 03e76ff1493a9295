// Bounds of what the consent contract accepts. Everything it stores is an id, a
// commitment, an organisation id or a time, each of a fixed alphabet and length: no
// free text, so no patient id, category or purpose can reach the chain in clear.

/**
 * A grant id is a UUID (RFC 9562) in lowercase. One spelling per grant: accepting
 * upper case too would let a retry register the same grant under a second key.
 */
export const GRANT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** HMAC-SHA-256 under the patient's commitment salt, lowercase hex, computed off-chain. */
export const COMMITMENT_PATTERN = /^[0-9a-f]{64}$/;

/** carechain's organisation ids (organisationIdSchema in @carechain/contracts). */
export const ORGANISATION_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A Kafka event id: the envelope allows 128 characters. carechain's are UUIDs; the
 * alphabet also admits ULIDs and topic:partition:offset ids, but no spaces, so no prose.
 */
export const SOURCE_EVENT_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
